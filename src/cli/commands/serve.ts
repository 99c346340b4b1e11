import type { Command } from 'commander';
import { AppError } from '../../app/errors.js';
import { isWebBuildStale, buildWeb, WEB_DIST } from '../../server/web-build.js';
import { startServer, untilStopSignal } from '../../server/main.js';
import type { Calculators } from '../../server/calculators.js';
import { addStoreOptions, openDeps, type StoreOptions } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action } from '../run-action.js';
import { parseCheckRequest, runCheck, toCheckJson } from './check.js';
import { parseScheduleRequest, runSchedule, toScheduleJson } from './schedule.js';

/** The CLI's calculators, shared with the HTTP API so both accept and print the same JSON. */
export function cliCalculators(): Calculators {
  return {
    schedule: (raw) => toScheduleJson(runSchedule(parseScheduleRequest(raw))),
    check: (raw) => {
      const req = parseCheckRequest(raw);
      return toCheckJson(req, runCheck(req));
    },
  };
}

interface ServeOptions extends StoreOptions {
  port: string;
  host: string;
  uploadLimitMb?: string;
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
      .option('--upload-limit-mb <n>', 'largest evidence upload in MB (default 4096)'),
  ).action(
    action(ctx, setExit, async (opts: ServeOptions) => {
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
      if (isWebBuildStale()) {
        ctx.io.stderr(
          say(
            ctx,
            '正在构建网页（首次启动约需几秒）…\n',
            'Building the web app (first start takes a few seconds)…\n',
          ),
        );
        await buildWeb();
      }
      const opened = await openDeps(ctx, opts);
      const { app, url } = await startServer(opened.deps, {
        port,
        host: opts.host,
        webRoot: WEB_DIST,
        calculators: cliCalculators(),
        ...(uploadMb === undefined ? {} : { uploadLimit: uploadMb * 1024 * 1024 }),
      });
      ctx.io.stdout(
        say(
          ctx,
          `协商已启动：请用浏览器打开 ${url}\n数据保存在 ${opened.deps.home}（${opened.database.location}）\n按 Ctrl+C 停止。\n`,
          `Xieshang is running: open ${url} in your browser\nData: ${opened.deps.home} (${opened.database.location})\nPress Ctrl+C to stop.\n`,
        ),
      );
      if (opts.host !== '127.0.0.1' && opts.host !== 'localhost' && opts.host !== '::1')
        ctx.io.stderr(
          say(
            ctx,
            `注意：--host ${opts.host} 让同一网络的其他设备也能访问，数据没有密码保护。\n`,
            `Warning: --host ${opts.host} lets other devices on the network reach it; there is no password.\n`,
          ),
        );
      await untilStopSignal();
      await app.close();
      await opened.close();
    }),
  );
}
