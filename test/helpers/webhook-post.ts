/** POSTs an update to a local webhook listener (path /tg/hook) with the secret header; resolves with the status. */
export async function postUpdate(port: number, secret: string, body: unknown): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/tg/hook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': secret },
    body: JSON.stringify(body),
  });
  await res.text();
  return res.status;
}
