import cliProgress from 'cli-progress';
import type { ImportProgress } from '../../app/import-debts.js';
import { say, type CliContext } from '../io.js';

/** A progress bar on stderr for imports of more than a few thousand rows (quiet with --json). */
export function createImportProgress(ctx: CliContext): {
  update: (p: ImportProgress) => void;
  stop: () => void;
} {
  let bar: cliProgress.SingleBar | null = null;
  let phase = '';
  const stream = {
    write: (s: string) => ctx.io.stderr(s),
    isTTY: ctx.io.isTTY,
  } as unknown as NodeJS.WriteStream;
  return {
    update(p) {
      if (ctx.json || p.total < 2000) return;
      if (p.phase !== phase) {
        bar?.stop();
        phase = p.phase;
        if (p.phase === 'done' || p.phase === 'read') return;
        const label =
          p.phase === 'validate' ? say(ctx, '校验', 'checking') : say(ctx, '写入', 'writing');
        bar = new cliProgress.SingleBar(
          {
            format: `${label} [{bar}] {percentage}% {value}/{total}`,
            stream,
            noTTYOutput: true,
            notTTYSchedule: 2000,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.total, p.done);
      } else bar?.update(p.done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
