import { join } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../app/errors.js';
import { isWebBuildStale, buildWeb, WEB_DIST } from '../web-build.js';
import { Access } from '../../server/access.js';
import { startServer, TOKEN_FILE, untilStopSignal, type StartedServer } from '../../server/main.js';
import { isLoopback, lanAddresses, selfSignedTls, type Tls } from '../../server/network.js';
import { terminalQr } from '../../server/qr.js';
import { addStoreOptions, openDeps, type OpenedDeps, type StoreOptions } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action } from '../run-action.js';

interface ServeOptions extends StoreOptions {
  port: string;
  host: string;
  uploadLimitMb?: string;
  https?: boolean;
}

export function registerServe(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  addStoreOptions(
    program
      .command('serve')
      .description('启动网页版（本机浏览器打开）/ start the web app on this computer')
      .option('--port <n>', 'port', '4170')
      .option('--host <host>', 'address to listen on (default: this computer only)', '127.0.0.1')
      .option('--upload-limit-mb <n>', 'largest evidence upload in MB (default 4096)')
      .option(
        '--https',
        'serve over HTTPS with a self-signed certificate (its fingerprint is shown)',
      ),
  ).action(action(ctx, setExit, async (opts: ServeOptions) => serve(ctx, opts)));
}

/** --port and --upload-limit-mb as numbers (the upload limit stays undefined when not given). */
function parseServeNumbers(opts: ServeOptions): { port: number; uploadMb: number | undefined } {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new AppError('invalid-input', `--port: "${opts.port}" is not a port number`, {
      field: 'port',
      messageZh: `“${opts.port}”不是有效的端口号`,
    });
  const uploadMb = opts.uploadLimitMb === undefined ? undefined : Number(opts.uploadLimitMb);
  if (uploadMb !== undefined && !(Number.isInteger(uploadMb) && uploadMb > 0))
    throw new AppError('invalid-input', '--upload-limit-mb must be a positive whole number', {
      field: 'upload-limit-mb',
      messageZh: '--upload-limit-mb 应为正整数',
    });
  return { port, uploadMb };
}

/** Builds dist/web first when the sources are newer than it. */
async function ensureWebBuilt(ctx: CliContext): Promise<void> {
  if (!isWebBuildStale()) return;
  ctx.io.stderr(
    say(
      ctx,
      '正在构建网页（首次启动约需几秒）…\n',
      'Building the web app (first start takes a few seconds)…\n',
    ),
  );
  await buildWeb();
}

/** Tells the user when the one-time link or the pairing code changes, or pairing locks. */
function reportAccessEvents(
  ctx: CliContext,
  access: Access,
  server: () => StartedServer | undefined,
): void {
  const out = (zh: string, en: string) => ctx.io.stdout(say(ctx, zh, en));
  access.events = {
    tokenRotated: (token) => {
      const started = server();
      if (started)
        out(
          `（链接已用过。另一个浏览器请打开：${started.launchUrlFor(token)} ）\n`,
          `(That link is used. For another browser open: ${started.launchUrlFor(token)} )\n`,
        );
    },
    pairingRotated: (code) =>
      out(
        `一台设备已配对。下一台设备的配对码：${code}\n`,
        `A device paired. Next pairing code: ${code}\n`,
      ),
    pairingLocked: () =>
      ctx.io.stderr(
        say(
          ctx,
          '配对码错误次数过多，配对已锁定；重新启动 xieshang serve 才能再配对。\n',
          'Too many wrong pairing codes: pairing is locked until xieshang serve restarts.\n',
        ),
      ),
  };
}

/** Network mode: the LAN addresses to pair from, the pairing code and its QR code (on a terminal). */
function printPairing(ctx: CliContext, started: StartedServer, access: Access): void {
  const out = (zh: string, en: string) => ctx.io.stdout(say(ctx, zh, en));
  const code = access.pairingCode ?? '';
  const pairUrl = started.pairUrlFor(code);
  out(
    `\n网络模式：同一网络的手机可以配对后使用（未配对的设备只能看到配对页面）。\n手机浏览器打开：\n${started.lanUrls.map((u) => `  ${u}pair\n`).join('')}配对码（只能用一次）：${code}\n`,
    `\nNetwork mode: a phone on the same network can pair, then use it (unpaired devices only see the pairing page).\nOn the phone open:\n${started.lanUrls.map((u) => `  ${u}pair\n`).join('')}Pairing code (works once): ${code}\n`,
  );
  // the QR code is drawn with terminal colours: only where a terminal shows them
  const qr = ctx.io.isTTY ? terminalQr(pairUrl) : undefined;
  if (qr !== undefined)
    out(
      `或用手机扫描二维码（${pairUrl}）：\n${qr}\n`,
      `Or scan this QR code (${pairUrl}):\n${qr}\n`,
    );
  else out(`配对链接：${pairUrl}\n`, `Pairing link: ${pairUrl}\n`);
}

/** The link to open, where the data is, the certificate's fingerprint with --https. */
function printStarted(
  ctx: CliContext,
  started: StartedServer,
  opened: OpenedDeps,
  tls: Tls | undefined,
): void {
  const out = (zh: string, en: string) => ctx.io.stdout(say(ctx, zh, en));
  const { launchUrl } = started;
  out(
    `协商已启动：请用浏览器打开（只能用一次，勿分享）\n  ${launchUrl}\n数据保存在 ${opened.deps.home}（${opened.database.location}）；当前链接也存在 ${join(opened.deps.home, TOKEN_FILE)}（仅你可读）。\n按 Ctrl+C 停止。\n`,
    `Xieshang is running: open this link in your browser (works once; do not share it)\n  ${launchUrl}\nData: ${opened.deps.home} (${opened.database.location}); the current link is also in ${join(opened.deps.home, TOKEN_FILE)} (readable by you only).\nPress Ctrl+C to stop.\n`,
  );
  if (tls)
    out(
      `HTTPS 证书为自签名。浏览器提示时，请核对证书的 SHA-256 指纹：\n  ${tls.fingerprint}\n`,
      `The HTTPS certificate is self-signed. When the browser warns, check its SHA-256 fingerprint:\n  ${tls.fingerprint}\n`,
    );
}

/** Starts the server on the store, prints how to reach it, and runs until Ctrl+C. */
async function serve(ctx: CliContext, opts: ServeOptions): Promise<void> {
  const { port, uploadMb } = parseServeNumbers(opts);
  await ensureWebBuilt(ctx);
  const opened = await openDeps(ctx, opts);
  const network = !isLoopback(opts.host);
  const access = new Access(network);
  const tls = opts.https
    ? selfSignedTls(opened.deps.home, network ? lanAddresses() : [])
    : undefined;
  let started: StartedServer | undefined;
  reportAccessEvents(ctx, access, () => started);
  started = await startServer(opened.deps, {
    port,
    host: opts.host,
    webRoot: WEB_DIST,
    access,
    ...(tls ? { https: { key: tls.key, cert: tls.cert } } : {}),
    ...(uploadMb === undefined ? {} : { uploadLimit: uploadMb * 1024 * 1024 }),
  });
  printStarted(ctx, started, opened, tls);
  if (network) printPairing(ctx, started, access);
  await untilStopSignal();
  await started.app.close();
  await opened.close();
}
