// The machine's own names and addresses, for the Host allow-list and the URLs shown in network
// mode, and the self-signed certificate that `serve --https` uses (made with the local openssl,
// kept in <home>/tls, 0600, reused while it covers every address).
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../app/errors.js';

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'] as const;

export function isLoopback(host: string): boolean {
  return ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);
}

/** Non-internal addresses of this machine (IPv6 without link-local scope ids). */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? [])
      if (!a.internal && !(a.family === 'IPv6' && a.scopeid !== undefined && a.scopeid !== 0))
        out.push(a.address);
  return out;
}

/** A Host header's form of an address: IPv6 in brackets. */
export function hostForm(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
}

/**
 * The names a request may carry in Host: loopback, the address listened on, and when listening
 * beyond loopback the machine's LAN addresses and host name (what a phone on the LAN types).
 */
export function allowedHostsFor(listenHost: string): string[] {
  const hosts = new Set<string>(LOOPBACK_HOSTS);
  if (isLoopback(listenHost)) return [...hosts];
  if (listenHost !== '0.0.0.0' && listenHost !== '::') hosts.add(hostForm(listenHost));
  for (const a of lanAddresses()) hosts.add(hostForm(a));
  const name = hostname().toLowerCase();
  if (name) {
    hosts.add(name);
    if (!name.includes('.')) hosts.add(`${name}.local`);
  }
  return [...hosts];
}

export interface Tls {
  key: string;
  cert: string;
  /** SHA-256 fingerprint as browsers show it (AA:BB:…) */
  fingerprint: string;
}

/**
 * The self-signed certificate for `serve --https`, for every address a browser may use; made
 * again when an address is missing (a new network). Needs `openssl` on PATH; no network.
 */
export function selfSignedTls(home: string, addresses: readonly string[]): Tls {
  const dir = join(home, 'tls');
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const ips = [...new Set(['127.0.0.1', '::1', ...addresses])];
  const names = [...new Set(['localhost', hostname().toLowerCase()].filter(Boolean))];
  if (existsSync(keyFile) && existsSync(certFile)) {
    const cert = new X509Certificate(readFileSync(certFile));
    const covered = ips.every((ip) => cert.checkIP(ip) !== undefined);
    const fresh = new Date(cert.validTo).getTime() > Date.now() + 7 * 86_400_000;
    if (covered && fresh) return load(keyFile, certFile);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  rmSync(keyFile, { force: true });
  const san = [...ips.map((ip) => `IP:${ip}`), ...names.map((n) => `DNS:${n}`)].join(',');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '825',
        '-subj',
        '/CN=Xieshang (this computer)',
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore', timeout: 30_000 },
    );
  } catch (e) {
    throw new AppError(
      'invalid-input',
      `--https needs openssl to make a certificate: ${(e as Error).message}`,
      {
        field: 'https',
        cause: e,
        messageZh: `--https 需要 openssl 来生成证书：${(e as Error).message}`,
      },
    );
  }
  chmodSync(keyFile, 0o600);
  chmodSync(certFile, 0o600);
  return load(keyFile, certFile);
}

function load(keyFile: string, certFile: string): Tls {
  const cert = readFileSync(certFile, 'utf8');
  return {
    key: readFileSync(keyFile, 'utf8'),
    cert,
    fingerprint: new X509Certificate(cert).fingerprint256,
  };
}
