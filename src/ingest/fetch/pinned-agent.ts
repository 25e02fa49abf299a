/** An undici Agent that connects only to addresses the SSRF guard checked: DNS is asked once per host and hop. */
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent } from 'undici';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** The agent and the pins it connects by. */
export interface PinnedAgent {
  agent: Agent;
  /** Pins `host` to the addresses that were checked for it (replacing earlier ones). */
  pin(host: string, addresses: readonly string[]): void;
}

/**
 * Creates the agent. Without it the socket would resolve the name a second time, and a DNS server that
 * answers a public address to the check and 127.0.0.1 to the connection (DNS rebinding) would get through.
 * A host that was not pinned is refused rather than resolved.
 */
export function createPinnedAgent(): PinnedAgent {
  const pins = new Map<string, LookupAddress[]>();
  const lookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const pinned = pins.get(hostname.toLowerCase());
    if (!pinned?.length) {
      const error: NodeJS.ErrnoException = new Error(`not checked by the SSRF guard: ${hostname}`);
      error.code = 'ENOTFOUND';
      callback(error, []);
      return;
    }
    const wanted = options.family === 4 || options.family === 6 ? pinned.filter((a) => a.family === options.family) : pinned;
    if (options.all) callback(null, wanted);
    else if (wanted[0]) callback(null, wanted[0].address, wanted[0].family);
    else callback(Object.assign(new Error(`no IPv${options.family} address for ${hostname}`), { code: 'ENOTFOUND' }), []);
  };
  const agent = new Agent({ connect: { lookup } });
  return {
    agent,
    pin(host, addresses) {
      pins.set(
        host.toLowerCase(),
        addresses.map((address) => ({ address, family: isIP(address) })),
      );
    },
  };
}
