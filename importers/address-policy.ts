// Which addresses an import may fetch from. A hostile page, feed or redirect must not make the app
// read services on this computer or the local network (routers, admin panels, cloud metadata), so
// loopback, link-local, private and other non-public ranges are refused — unless the person typed
// that very host themselves (a newsroom's intranet page), and then only that host.
import { BlockList, isIP } from 'node:net';

const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** An IPv4 address embedded in an IPv6 one (::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d), as dotted text. */
function embeddedIPv4(address: string): string | null {
  const lower = address.toLowerCase();
  const match = /^(?:::ffff:(?:0:)?|64:ff9b::)(.+)$/.exec(lower);
  if (!match) return null;
  const tail = match[1]!;
  if (isIP(tail) === 4) return tail;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(tail);
  if (!hex) return null;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** Whether an IP address (v4 or v6, no brackets) is outside the public internet. */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return NON_PUBLIC.check(bare, 'ipv4');
  if (family !== 6) return true; // not an address at all: never trust it
  const v4 = embeddedIPv4(bare);
  if (v4) return NON_PUBLIC.check(v4, 'ipv4');
  return NON_PUBLIC.check(bare, 'ipv6');
}

/**
 * The host of `typed` when the person wrote out a local address as it will be used
 * (http://127.0.0.1:8080/, http://localhost/, http://[::1]/), else null. A name is never "typed
 * directly" as an address: what it resolves to is not what the person saw. Other spellings the URL parser turns into an address
 * (http://2130706433/, http://0x7f.1/, http://127.1/) are not "typed directly": they are how
 * hostile links hide a local address.
 */
export function directlyTypedHost(typed: string): string | null {
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return null;
  }
  const written = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(typed.trim())?.[1];
  const host = url.hostname.toLowerCase();
  if (written === undefined || written.toLowerCase() !== host) return null;
  const bare = host.replace(/^\[|\]$/g, '');
  return isIP(bare) !== 0 || bare === 'localhost' ? host : null;
}
