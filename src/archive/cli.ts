// The command line's archive part: `check --archive DIR` opens the archive before the
// run, and `jxaudit archive list | show | rebuild` read it. Usage problems (no --archive,
// a folder that is not an archive) exit 2; a question with no answer in it exits 1.
// The archive's code loads only when a command uses it: `check` without --archive, and
// --help, do not load it (nor the record writers it brings) before the run starts.
import type { Command } from 'commander';
import type { ArchiveRun } from './batch.js';
import type { ListFilters } from './commands.js';

const EXIT_NOT_FOUND = 1;
const EXIT_USAGE = 2;

type Fail = (code: number, message: string) => Error;

async function asExit(err: unknown, fail: Fail): Promise<unknown> {
  const [{ ArchiveNotFound }, { ArchiveLockError }, { ArchiveError }] = await Promise.all([import('./commands.js'), import('./lock.js'), import('./store.js')]);
  if (err instanceof ArchiveNotFound) return fail(EXIT_NOT_FOUND, err.message);
  if (err instanceof ArchiveError || err instanceof ArchiveLockError) return fail(EXIT_USAGE, err.message);
  return err;
}

/** `check --archive DIR`: the archive as the run finds it, or a Chinese stop (exit 2). */
export async function openArchiveForCheck(dir: unknown, fail: Fail): Promise<ArchiveRun | undefined> {
  if (dir === undefined) return undefined;
  if (typeof dir !== 'string' || dir === '') throw fail(EXIT_USAGE, '--archive 需要一个档案文件夹');
  const { ArchiveRun } = await import('./batch.js');
  try {
    return ArchiveRun.open(dir);
  } catch (err) {
    throw await asExit(err, fail);
  }
}

function archiveDir(raw: { archive?: string }, fail: Fail): string {
  if (!raw.archive) throw fail(EXIT_USAGE, '请用 --archive <文件夹> 指明档案文件夹（即 jxaudit check --archive 所用的文件夹）');
  return raw.archive;
}

export function registerArchiveCommands(program: Command, fail: Fail): void {
  const archive = program
    .command('archive')
    .usage('list | show | rebuild --archive <文件夹>')
    .description('查看档案（check --archive 存入的历次提交）：列出、查看一个单位的历次提交、重建索引');
  archive
    .command('list')
    .usage('--archive <文件夹> [选项]')
    .description('列出档案中的表（年度、表样、单位、第几次提交、状态、核查时间）')
    .option('--archive <DIR>', '档案文件夹（必填）')
    .option('--year <YYYY>', '只列出这一年度的表')
    .option('--status <状态>', '只列出此状态的表：通过 或 有差异（也可写 ok / discrepancies）')
    .option('--entity <单位>', '只列出名称含此文字的单位或项目')
    .action(async (raw: { archive?: string; year?: string; status?: string; entity?: string }) => {
      const { listText, openExisting, parseStatus } = await import('./commands.js');
      const filters: ListFilters = {};
      if (raw.year !== undefined) {
        if (!/^\d{4}$/.test(raw.year)) throw fail(EXIT_USAGE, `--year 应为四位年份，如 2022（收到 ${raw.year}）`);
        filters.year = Number(raw.year);
      }
      if (raw.status !== undefined) {
        const status = parseStatus(raw.status);
        if (!status) throw fail(EXIT_USAGE, `--status 应为 通过 或 有差异（收到 ${raw.status}）`);
        filters.status = status;
      }
      if (raw.entity !== undefined) filters.entity = raw.entity;
      try {
        process.stdout.write(listText(openExisting(archiveDir(raw, fail)).list(), filters));
      } catch (err) {
        throw await asExit(err, fail);
      }
    });
  archive
    .command('show')
    .usage('<单位|SHA-256> --archive <文件夹>')
    .description('显示一个单位（或项目）的历次提交及每次改正情况；也可给出文件的 SHA-256（前 6 位以上）')
    .argument('<单位|SHA-256>', '单位或项目名称（全称、简称均可），或文件的 SHA-256')
    .option('--archive <DIR>', '档案文件夹（必填）')
    .action(async (query: string, raw: { archive?: string }) => {
      const { openExisting, showText } = await import('./commands.js');
      try {
        process.stdout.write(showText(openExisting(archiveDir(raw, fail)), query));
      } catch (err) {
        throw await asExit(err, fail);
      }
    });
  archive
    .command('rebuild')
    .usage('--archive <文件夹>')
    .description('由各表存档中的 entry.json 重建索引 index.jsonl（索引丢失或损坏时使用；存档本身不变）')
    .option('--archive <DIR>', '档案文件夹（必填）')
    .action(async (raw: { archive?: string }) => {
      const { openExisting } = await import('./commands.js');
      try {
        const entries = openExisting(archiveDir(raw, fail)).rebuild();
        process.stdout.write(`索引已重建：共 ${entries.length} 张表\n`);
      } catch (err) {
        throw await asExit(err, fail);
      }
    });
}
