/** SSRF guard: a URL may only reach public addresses, unless its address is on the allow-list. */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { IngestError } from '../../errors.js';

/** Ranges no fetch may reach by default: loopback, private, link-local, CGNAT, multicast, reserved. */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** Parses `127.0.0.1/8,10.1.2.3,::1` into a BlockList of allowed ranges; throws on a bad entry. */
export function parseAllowList(spec: string): BlockList {
  const allow = new BlockList();
  for (const entry of spec.split(/[,\s]+/).filter(Boolean)) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address);
    if (family === 0) throw new Error(`not an IP address or CIDR range: ${entry}`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const prefix = bits === undefined ? (family === 4 ? 32 : 128) : Number(bits);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) throw new Error(`bad prefix: ${entry}`);
    allow.addSubnet(address, prefix, type);
  }
  return allow;
}

/** True when `address` may be fetched: public, or allowed explicitly. */
export function addressAllowed(address: string, allow: BlockList | null): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (allow?.check(address, type)) return true;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is checked as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return addressAllowed(mapped, allow);
  return !BLOCKED.check(address, type);
}

/** Resolves a host name to every address it has (the SSRF guard's DNS; tests pass their own). */
export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Resolves the URL's host and refuses it unless every address it resolves to is allowed (a host with one
 * private address among public ones could be answered by either). Returns the checked addresses: the
 * connection must go to these (see pinned-agent.ts), not to a second lookup's answer.
 */
export async function assertReachable(url: URL, allow: BlockList | null, resolve: Resolver = systemResolver): Promise<string[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [host]
    : await resolve(host).then(
        (list) => list,
        () => {
          throw new IngestError(url.href, `无法解析域名 ${host}`);
        },
      );
  if (!addresses.length) throw new IngestError(url.href, `无法解析域名 ${host}`);
  const refused = addresses.find((a) => !addressAllowed(a, allow));
  if (refused !== undefined) {
    throw new IngestError(url.href, `拒绝访问内网或本机地址(${refused}):出于安全考虑只抓取公网网址`);
  }
  return addresses;
}
