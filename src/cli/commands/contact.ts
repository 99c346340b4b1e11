import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { resolveCase } from '../../app/cases.js';
import {
  CHANNEL_ZH,
  CONTACT_CHANNELS,
  CONTACT_TAGS,
  NEGOTIATION_STATES,
  NEGOTIATION_STATE_ZH,
  THIRD_PARTY_RELATIONS,
  listContacts,
  listNegotiationStates,
  logContact,
  type Contact,
  type LenderNegotiation,
  type LogContactInput,
  type LogContactResult,
} from '../../app/contacts.js';
import { editContact, removeContact } from '../../app/contacts-edit.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { readJsonInput, say, type CliContext } from '../io.js';
import { contactJson } from '../../app/present-contacts.js';
import { action, printJson } from '../run-action.js';
import { formatTable } from '../table.js';
import {
  editFromFlags,
  logFromFlags,
  parseContactJson,
  type EditFlags,
  type LogFlags,
} from './contact-input.js';
import { beijingTime } from './evidence-format.js';

type Opts = StoreOptions & { case?: string };
type SetExit = (code: number) => void;

const collect = (v: string, prev: string[]) => [...prev, v];

/** `xieshang contact log|edit|remove|list`. */
export function registerContact(program: Command, ctx: CliContext, setExit: SetExit): void {
  const ct = program
    .command('contact')
    .description('联系记录与协商状态 (contact log and negotiation state)');
  registerContactLog(ct, ctx, setExit);
  registerContactEdit(ct, ctx, setExit);
  registerContactRemove(ct, ctx, setExit);
  registerContactList(ct, ctx, setExit);
}

/** The conduct flags a logged or edited contact raised, one warning line each. */
function formatConductFlags(ctx: CliContext, flags: LogContactResult['flags']): string {
  return flags
    .map((f) => say(ctx, `⚠ ${f.titleZh}：${f.messageZh}\n`, `⚠ ${f.titleEn}: ${f.messageEn}\n`))
    .join('');
}

/** What was said and agreed, in the same order for `contact log` and `contact edit`. */
function addContactDetailOptions(cmd: Command): Command {
  return cmd
    .option('--agent <name>', "the agent's name")
    .option('--agent-number <no>', '工号 / staff number')
    .option('--number <number>', 'the phone number or account they used')
    .option('--asked <text>', 'what they asked')
    .option('--offered <text>', 'what was offered')
    .option('--promises <text>', 'promises made')
    .option('--deadline <date>', 'a deadline they gave')
    .option('--next <text>', 'next step');
}

function addLogOptions(cmd: Command): Command {
  cmd
    .option('--case <id>', 'case id (default: the only case)')
    .option('--input <file>', 'a JSON object with the fields below (camelCase), or - for stdin')
    .option('--at <time>', 'when: 2026-11-20 23:05 (Beijing) or ISO time with zone')
    .option('--lender <lender>', 'lender id, name or brand')
    .option('--channel <channel>', CONTACT_CHANNELS.join(' | '))
    .option('--direction <dir>', 'inbound (they contacted me) | outbound (I contacted them)');
  return addContactDetailOptions(cmd)
    .option(
      '--third-party <who>',
      `${THIRD_PARTY_RELATIONS.join(' | ')}[:detail], e.g. family:母亲`,
    )
    .option('--tag <tag>', `repeatable: ${CONTACT_TAGS.join(' | ')}`, collect, [])
    .option('--notes <text>', 'notes: what they said')
    .option(
      '--include-note-in-letters',
      '允许在文书中引用本条备注（默认不引用：备注可能含对己不利的话）/ quote the notes in letters',
    )
    .option('--evidence <id>', 'repeatable: linked evidence id', collect, [])
    .option(
      '--state <state>',
      `negotiation state after this contact: ${NEGOTIATION_STATES.filter((s) => s !== 'not-contacted').join(' | ')}`,
    );
}

/** The contact from the JSON file (`--input FILE`, or FILE as in `contact log --json FILE`) or the flags. */
async function readLogInput(
  ctx: CliContext,
  file: string | undefined,
  o: LogFlags,
): Promise<Omit<LogContactInput, 'caseId'>> {
  // `contact log --json FILE`: the global --json takes no value, so FILE arrives positionally
  const given = o.input ?? file;
  const source =
    given === undefined || given === '-' || isAbsolute(given) ? given : resolve(ctx.io.cwd, given);
  return source !== undefined
    ? parseContactJson(await readJsonInput(source, ctx.io))
    : logFromFlags(o);
}

function registerContactLog(ct: Command, ctx: CliContext, setExit: SetExit): void {
  addStoreOptions(
    addLogOptions(
      ct
        .command('log [file]')
        .description('记录一次联系 (log a contact); 或 --json FILE / --input FILE 传入 JSON'),
    ),
  ).action(
    action(ctx, setExit, async (file: string | undefined, o: LogFlags) =>
      withDeps(ctx, o, async (deps) => {
        const fields = await readLogInput(ctx, file, o);
        const c = await resolveCase(deps, o.case);
        const r = await logContact(deps, { ...fields, caseId: c.id });
        if (ctx.json)
          return printJson(ctx, {
            contact: contactJson(r.contact),
            stateBefore: r.stateBefore,
            stateAfter: r.stateAfter,
            ledger: { seq: r.entry.seq, hash: r.entry.hash },
            flags: r.flags,
          });
        const moved =
          r.stateAfter !== null && r.stateAfter !== r.stateBefore
            ? say(
                ctx,
                `；协商状态：${NEGOTIATION_STATE_ZH[r.stateBefore ?? 'not-contacted']} → ${NEGOTIATION_STATE_ZH[r.stateAfter]}`,
                `; negotiation state: ${r.stateBefore} → ${r.stateAfter}`,
              )
            : '';
        ctx.io.stdout(
          say(
            ctx,
            `已记录联系 ${r.contact.id}（${beijingTime(r.contact.occurredAt)} 北京时间）${moved}\n账本第 ${r.entry.seq} 条，头哈希：${r.entry.hash}\n`,
            `Logged contact ${r.contact.id} (${beijingTime(r.contact.occurredAt)} Beijing time)${moved}\nLedger entry ${r.entry.seq}, head hash: ${r.entry.hash}\n`,
          ) + formatConductFlags(ctx, r.flags),
        );
      }),
    ),
  );
}

function registerContactEdit(ct: Command, ctx: CliContext, setExit: SetExit): void {
  const edit = ct
    .command('edit <id>')
    .description('修改一条联系记录（只改给出的项；传空字符串清空） (edit a contact)')
    .option('--case <id>', 'case id (default: the only case)')
    .option('--at <time>', 'when: 2026-11-20 23:05 (Beijing) or ISO time with zone')
    .option('--lender <lender>', 'lender id, name or brand')
    .option('--channel <channel>', CONTACT_CHANNELS.join(' | '))
    .option('--direction <dir>', 'inbound | outbound');
  addStoreOptions(
    addContactDetailOptions(edit)
      .option('--third-party <who>', `${THIRD_PARTY_RELATIONS.join(' | ')}[:detail]`)
      .option('--notes <text>', 'notes: what they said')
      .option('--include-note-in-letters', '允许在文书中引用本条备注 / quote the notes in letters')
      .option('--no-include-note-in-letters', '不在文书中引用备注 / do not quote the notes'),
  ).action(
    action(ctx, setExit, async (id: string, o: EditFlags) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const r = await editContact(deps, c.id, id, editFromFlags(o));
        if (ctx.json)
          return printJson(ctx, {
            contact: r.contact,
            ledger: { seq: r.entry.seq, hash: r.entry.hash },
            flags: r.flags,
          });
        ctx.io.stdout(
          say(
            ctx,
            `已修改联系记录 ${r.contact.id}（${beijingTime(r.contact.occurredAt)} 北京时间）\n账本第 ${r.entry.seq} 条，头哈希：${r.entry.hash}\n`,
            `Edited contact ${r.contact.id} (${beijingTime(r.contact.occurredAt)} Beijing time)\nLedger entry ${r.entry.seq}, head hash: ${r.entry.hash}\n`,
          ) + formatConductFlags(ctx, r.flags),
        );
      }),
    ),
  );
}

function registerContactRemove(ct: Command, ctx: CliContext, setExit: SetExit): void {
  addStoreOptions(
    ct
      .command('remove <id>')
      .description('删除一条联系记录（可撤销） (remove a contact; can be undone)')
      .option('--case <id>', 'case id (default: the only case)'),
  ).action(
    action(ctx, setExit, async (id: string, o: Opts) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const r = await removeContact(deps, c.id, id);
        if (ctx.json) return printJson(ctx, { removed: r.contact, undoId: r.undoId });
        ctx.io.stdout(
          say(
            ctx,
            `已删除联系记录 ${r.contact.id}（${beijingTime(r.contact.occurredAt)} 北京时间）（撤销：xieshang undo ${r.undoId}）\n`,
            `Removed contact ${r.contact.id} (${beijingTime(r.contact.occurredAt)} Beijing time) (to undo: xieshang undo ${r.undoId})\n`,
          ),
        );
      }),
    ),
  );
}

/** `contact list`: each lender's negotiation state. */
function formatStatesTable(ctx: CliContext, states: readonly LenderNegotiation[]): string {
  return (
    formatTable(
      ctx.lang === 'en' ? ['lender', 'state', 'since'] : ['出借机构', '协商状态', '更新时间'],
      states.map((s) => [
        s.lender.brand ?? s.lender.name,
        ctx.lang === 'en' ? s.state : NEGOTIATION_STATE_ZH[s.state],
        s.since === null ? '—' : beijingTime(s.since as never),
      ]),
    ) + '\n'
  );
}

/** `contact list`: one row a contact; `names` maps a lender id to the brand or name shown. */
function formatContactsTable(
  ctx: CliContext,
  contacts: readonly Contact[],
  names: ReadonlyMap<string, string>,
): string {
  return formatTable(
    ctx.lang === 'en'
      ? ['id', 'when (Beijing)', 'lender', 'channel', 'direction', 'agent', 'summary']
      : ['编号', '时间（北京）', '出借机构', '渠道', '方向', '对方人员', '摘要'],
    contacts.map((x) => [
      x.id,
      beijingTime(x.occurredAt),
      x.lenderId === null ? '—' : (names.get(x.lenderId) ?? x.lenderId),
      ctx.lang === 'en' ? x.channel : CHANNEL_ZH[x.channel],
      ctx.lang === 'en' ? x.direction : x.direction === 'inbound' ? '对方来电/来信' : '我方联系',
      [x.agentName, x.agentNumber].filter(Boolean).join(' #') || '—',
      (x.offered ?? x.asked ?? x.notes ?? '').slice(0, 30),
    ]),
  );
}

function registerContactList(ct: Command, ctx: CliContext, setExit: SetExit): void {
  addStoreOptions(
    ct
      .command('list')
      .description('列出联系记录与各机构协商状态')
      .option('--case <id>', 'case id')
      .option('--lender <lender>', 'only this lender'),
  ).action(
    action(ctx, setExit, async (o: Opts & { lender?: string }) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const contacts = await listContacts(deps, c.id, o.lender ? { lender: o.lender } : {});
        const states = await listNegotiationStates(
          deps,
          c.id,
          o.lender ? { lender: o.lender } : {},
        );
        if (ctx.json)
          return printJson(ctx, {
            contacts: contacts.map(contactJson),
            states: states.map((s) => ({
              lenderId: s.lender.id,
              lenderName: s.lender.name,
              state: s.state,
              since: s.since,
              contactId: s.contactId,
            })),
          });
        const names = new Map(
          states.map((s) => [s.lender.id as string, s.lender.brand ?? s.lender.name]),
        );
        if (states.length > 0) ctx.io.stdout(formatStatesTable(ctx, states));
        if (contacts.length === 0)
          return void ctx.io.stdout(say(ctx, '还没有联系记录。\n', 'No contacts logged yet.\n'));
        ctx.io.stdout(formatContactsTable(ctx, contacts, names));
      }),
    ),
  );
}
