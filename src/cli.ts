#!/usr/bin/env node
// The `jxaudit` command: wires the command line to the batch runner, the pipeline
// and the rule catalogue. Exit status (report.md): 0 clean, 1 error findings or
// failed forms, 2 bad usage (no input, unknown option, invalid rules, nothing found) or
// the machine refusing (unwritable --out, full disk), 130 interrupted (Ctrl-C).
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, resolve, sep } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { parseCheckOptions, parseMaxBytesOption } from './batch/options.js';
import { describeOsError, EnvironmentError, isOsError } from './batch/os-errors.js';
import { BatchInterrupted, runBatch, UsageError } from './batch/run.js';
import { SEVERITY_NAMES } from './model/names.js';
import { packageRoot } from './paths.js';
import { openArchiveForCheck, registerArchiveCommands } from './archive/cli.js';
import { annotatorOption, DEFAULT_ANNOTATOR } from './annotate/options.js';
import { toJsonText } from './report/atomic.js';
import { createProgress, summaryText } from './report/console.js';

const EXIT_USAGE = 2;
const SOFFICE_HELP = 'LibreOffice 的 soffice 程序位置，用于读取 .doc/.wps/.xls/.et/.rtf/.odt/.ods（默认在 PATH 中查找）';
/** 128 + SIGINT, as shells report a Ctrl-C. */
const EXIT_INTERRUPTED = 130;

/** A stop with an exit status and a message for stderr (thrown inside actions, caught in main). */
class Exit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const HEADINGS: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** Columns a terminal gives `text`: CJK and full-width characters take two (help is aligned by this). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(/\x1b\[[0-9;]*m/g, '')) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** Lines of two columns, the second aligned by display width. */
function twoColumns(rows: Array<[string, string]>, indent = '  '): string {
  const width = Math.max(...rows.map(([a]) => displayWidth(a)));
  return rows.map(([a, b]) => `${indent}${a}${' '.repeat(width - displayWidth(a) + 3)}${b}`).join('\n');
}

const EXAMPLES = `
示例：
${twoColumns([
  ['jxaudit check 收件箱/ --out 核查结果/ --year 2022', '核查整个文件夹（含子文件夹）'],
  ['jxaudit check "收件箱/**/*.docx" 补交/表.pdf', '通配符与单个文件可以混用'],
  ['jxaudit check 收件箱/ --jobs 2 --timeout 30 --quiet', '两个并行进程、每个文件最多 30 秒'],
  ['jxaudit check 收件箱/ --archive 档案/', '核查并存入档案；再次提交的表与上一次比较'],
  ['jxaudit archive show 岳麓区财政局 --archive 档案/', '查看一个单位的历次提交及改正情况'],
  ['jxaudit parse 表.docx > 表.json', '只读取一张表，输出归档记录（JSON）'],
  ['jxaudit rules list', '列出所有核查规则'],
  ['jxaudit rules explain <规则编号>', '说明一条规则核查什么、为什么'],
  ['jxaudit schema', '输出记录的 JSON Schema'],
])}

退出状态：
${twoColumns([
  ['0', '没有错误项，所有 .docx/.xlsx/.pdf 文件都已读取'],
  ['1', '有错误项；或有 .docx/.xlsx/.pdf 文件无法读取；或直接写出的路径不存在（在汇总中列为“路径不存在”）'],
  ['2', '用法错误：无输入或路径为空、未知选项、规则文件有误；给出的文件夹、通配符里一个文件也没有；--out 就是输入文件夹；或输出文件夹无法写入、磁盘已满、另一个 jxaudit 正在写同一个输出文件夹（结果文件夹保持上一次的结果）'],
  ['130', '被 Ctrl-C 中断（结果文件夹保持上一次的结果）'],
])}
结果文件夹中：report.html（浏览器打开）、summary.csv 与 findings.csv（Excel/WPS 打开）、summary.json、records/、reports/。`;

/** Commander's English usage errors, said in Chinese. */
function translateUsageError(message: string): string {
  const text = message.replace(/^error:\s*/, '').trim();
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^unknown option '(.+?)'/, (m) => `未知选项 ${m[1]}`],
    [/^missing required argument '(.+?)'/, (m) => `缺少参数 ${m[1] === 'inputs' ? '<文件|文件夹|通配符>' : m[1]}`],
    [/^option '(.+?)' argument missing/, (m) => `选项 ${m[1]} 缺少取值`],
    [/^unknown command '(.+?)'/, (m) => `未知命令 ${m[1]}`],
    [/^too many arguments/, () => '参数过多'],
  ];
  for (const [re, say] of rules) {
    const m = re.exec(text);
    if (m) return say(m);
  }
  return text;
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** The path written into records and reports by `parse`: as given, relative to here, forward slashes. */
function shownPath(file: string): string {
  const rel = relative(process.cwd(), resolve(file));
  return (rel.startsWith('..') ? resolve(file) : rel).split(sep).join('/');
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Loads rules and templates (bundled + --rules) or stops with exit 2 naming the file, rule and line. */
async function loadChecksOrExit(rulesDir: string | undefined) {
  if (rulesDir !== undefined) {
    const info = (() => {
      try {
        return statSync(rulesDir);
      } catch {
        return null;
      }
    })();
    if (!info?.isDirectory()) throw new Exit(EXIT_USAGE, `--rules 指定的规则文件夹不存在或不是文件夹：${rulesDir}`);
  }
  try {
    const { checkDirs, loadTaskContext } = await import('./batch/checks-context.js');
    return loadTaskContext(checkDirs(rulesDir ? resolve(rulesDir) : undefined));
  } catch (err) {
    throw asRuleExit(err);
  }
}

function asRuleExit(err: unknown): unknown {
  const e = err as Error;
  if (e?.name === 'RuleFileError' || e?.name === 'TemplateFileError') {
    return new Exit(EXIT_USAGE, `规则文件有误，未开始核查。\n${e.message}`);
  }
  return err;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('jxaudit')
    .usage('[选项] [命令]')
    .description('绩效自评表核查工具：读取部门整体/项目支出绩效自评表（DOCX、PDF），核对表内算术与文字部分，输出差异报告与归档记录。')
    .version(version(), '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .configureHelp({
      styleTitle: (title) => HEADINGS[title] ?? title,
      subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}`.trim(),
      // CJK text takes two columns: pad the terms by what the terminal shows
      displayWidth,
    })
    .showHelpAfterError('（运行 jxaudit --help 查看用法）')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({
      outputError: (message, write) => write(`用法错误：${translateUsageError(message)}\n`),
    });

  program
    .command('check')
    .usage('<文件|文件夹|通配符...> [选项]')
    .description('核查文件、文件夹（含子文件夹）或通配符匹配的所有表，写出报告')
    .argument('<inputs...>', '文件、文件夹或通配符（如 "收件箱/**/*.docx"）')
    .option('--out <DIR>', '输出文件夹（默认 out/）')
    .option('--rules <DIR>', '追加的规则文件夹（在内置规则之后加载，同编号的规则替换内置规则；模板放在 DIR/templates）')
    .addOption(new Option('--jobs <N>', '并行处理的工作线程数（默认：CPU 核数）'))
    .option('--timeout <S>', '每个文件的处理时限，单位秒（默认 60）')
    .option('--ocr-timeout <S>', '扫描件（图片、无文字层的 PDF，经 OCR 识别）每页的时限，单位秒（默认 60）；这样的文件时限为 --timeout 加页数 × 此值')
    .option('--max-bytes <N>', '每个文件的大小上限，可带单位如 50MB、10mb（默认 50MB；也限制 DOCX 解压后的大小）')
    .option('--year <YYYY>', '本次核查的年度：其他年度的表会在汇总中标出')
    .option('--soffice <PATH>', SOFFICE_HELP)
    .option('--quiet', '不显示进度条和逐个文件的结果，只输出最后的汇总')
    .option('--no-annotate', '不生成批注副本（默认：每个有错误或警告的文件，在输出文件夹的 annotated/ 下生成一份原文件副本，问题处加批注）')
    .option('--annotator <NAME>', `批注副本中批注的作者（默认“${DEFAULT_ANNOTATOR}”）`)
    .option('--archive <DIR>', '档案文件夹：每张表的记录与报告存入其中（不覆盖）；同一单位、年度、表样再次提交时，报告写明已改正、仍存在和新出现的问题')
    .addHelpText('after', '\n示例：\n  jxaudit check 收件箱/ --out 核查结果/ --year 2022\n  jxaudit check "收件箱/**/*.pdf" --jobs 2 --quiet')
    .action(async (inputs: string[], raw: Record<string, unknown>) => {
      const parsed = parseCheckOptions(raw);
      if (!parsed.ok) throw new Exit(EXIT_USAGE, parsed.errors.join('\n'));
      const o = parsed.value;
      const annotator = annotatorOption(raw);
      if (!annotator.ok) throw new Exit(EXIT_USAGE, annotator.error);
      // --rules: loaded (and a missing folder told) before anything runs, then handed to the batch — loaded once
      const context = o.rulesDir !== undefined ? await loadChecksOrExit(o.rulesDir) : undefined;
      const progress = createProgress({ quiet: o.quiet, stream: process.stderr });
      // Ctrl-C: the batch stops and --out keeps the previous run's outputs (exit 130). A second
      // Ctrl-C gets the default (immediate stop); the next run clears what that leaves.
      const interrupt = new AbortController();
      const onSigint = () => interrupt.abort();
      process.once('SIGINT', onSigint);
      const archive = await openArchiveForCheck(raw.archive, (code, message) => new Exit(code, message));
      let result;
      try {
        result = await runBatch({
          inputs,
          outDir: o.outDir,
          archive,
          rulesDir: o.rulesDir,
          context,
          jobs: o.jobs,
          timeoutMs: o.timeoutMs,
          ocrTimeoutMs: o.ocrTimeoutMs,
          maxBytes: o.maxBytes,
          year: o.year,
          soffice: typeof raw.soffice === 'string' ? raw.soffice : undefined,
          ...(annotator.value !== undefined ? { annotator: annotator.value } : {}),
          onStart: (files) => progress.start(files.length),
          onFile: (row, done, total) => progress.file(row, done, total),
          signal: interrupt.signal,
        });
      } catch (err) {
        progress.stop();
        if (err instanceof BatchInterrupted) throw new Exit(EXIT_INTERRUPTED, err.message);
        if (err instanceof UsageError || err instanceof EnvironmentError) throw new Exit(EXIT_USAGE, err.message);
        throw asRuleExit(err);
      } finally {
        process.off('SIGINT', onSigint);
      }
      progress.stop();
      for (const pattern of result.empty) process.stderr.write(`注意：${pattern} 中没有找到文件\n`);
      process.stdout.write(summaryText(result.summary, result.rows, result.outDir));
      process.exitCode = result.exitCode;
      if (interrupt.signal.aborted) {
        throw new Exit(EXIT_INTERRUPTED, `已中断：中断时本次结果已在写入，已全部写完（${result.rows.length} 个文件）`);
      }
    });

  program
    .command('parse')
    .usage('<文件> [选项]')
    .description('读取一个文件，输出其中表格的归档记录（JSON；一个文件含多张表时输出数组）')
    .argument('<file>', 'DOCX、PDF、XLSX、扫描件（PNG/JPG/TIFF）或旧版 .doc/.wps/.xls/.et/.rtf/.odt/.ods 文件')
    .option('--rules <DIR>', '追加的规则与模板文件夹')
    .option('--max-bytes <N>', '文件大小上限（默认 50MB）')
    .option('--soffice <PATH>', SOFFICE_HELP)
    .action(async (file: string, raw: { rules?: string; maxBytes?: string; soffice?: string }) => {
      const maxBytes = parseMaxBytesOption(raw.maxBytes);
      if (!maxBytes.ok) throw new Exit(EXIT_USAGE, maxBytes.error);
      const ctx = await loadChecksOrExit(raw.rules);
      if (isFolder(file)) throw new Exit(1, `${file} 是文件夹，不是文件：parse 只读取一个文件（核查整个文件夹请用 jxaudit check ${file}）`);
      const { processFile } = await import('./pipeline.js');
      const { findSoffice } = await import('./read/soffice.js');
      const soffice = findSoffice(raw.soffice);
      const { report, records } = await processFile(file, { ...ctx, soffice, maxBytes: maxBytes.value, displayPath: shownPath(file) });
      if (report.error) throw new Exit(1, `无法读取 ${shownPath(file)}（${report.error.code}）：${report.error.message}`);
      process.stdout.write(toJsonText(records.length === 1 ? records[0] : records));
    });

  const rules = program.command('rules').usage('list | explain <规则编号>').description('查看核查规则：核查什么、为什么');
  rules
    .command('list')
    .description('列出所有规则（编号、严重程度、适用表样、标题）')
    .option('--rules <DIR>', '同时列出此文件夹中的追加规则')
    .action(async (raw: { rules?: string }) => {
      const ctx = await loadChecksOrExit(raw.rules);
      const { listRules } = await import('./check/index.js');
      const lines = listRules(ctx.rules).map(
        (r) => `${r.id}\t${SEVERITY_NAMES[r.severity] ?? r.severity}\t${r.forms.join(',')}\t${r.title}`,
      );
      process.stdout.write(`${['编号\t严重程度\t适用表样\t标题', ...lines].join('\n')}\n`);
    });
  rules
    .command('explain')
    .description('说明一条规则：核查什么、怎么算、为什么')
    .argument('<id>', '规则编号（见 jxaudit rules list）')
    .option('--rules <DIR>', '追加的规则文件夹')
    .action(async (id: string, raw: { rules?: string }) => {
      const ctx = await loadChecksOrExit(raw.rules);
      const { explainRule } = await import('./check/index.js');
      const text = explainRule(ctx.rules, id);
      if (text === null) throw new Exit(EXIT_USAGE, `没有编号为 ${id} 的规则；运行 jxaudit rules list 查看全部规则`);
      process.stdout.write(`${text}\n`);
    });

  registerArchiveCommands(program, (code, message) => new Exit(code, message));

  program
    .command('schema')
    .usage('[选项]')
    .description('输出归档记录（jxaudit/record@1）的 JSON Schema')
    .action(async () => {
      const { recordJsonSchema } = await import('./model/record.js');
      process.stdout.write(toJsonText(recordJsonSchema()));
    });

  return program;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram();
  try {
    if (argv.length <= 2) {
      program.outputHelp({ error: true });
      return EXIT_USAGE;
    }
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      if (err.code === 'commander.help') return EXIT_USAGE; // a bare `jxaudit rules`
      return EXIT_USAGE;
    }
    if (err instanceof Exit) {
      process.stderr.write(`${err.message}\n`);
      return err.code;
    }
    // The machine refused (a full disk, no permission) somewhere not caught nearer: still a sentence, exit 2.
    if (isOsError(err)) {
      process.stderr.write(`无法完成：${describeOsError(err)}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`jxaudit 内部错误：${(err as Error)?.stack ?? String(err)}\n`);
    return 70;
  }
}

// Run only as the program, not when imported by tests.
function invokedDirectly(): boolean {
  if (!process.argv[1]) return false;
  try {
    // npm's bin link is a symlink: compare real paths.
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
if (invokedDirectly()) {
  // `jxaudit schema | head` closes the pipe early: that is the reader's choice, not a crash.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  // A promise nobody awaited that failed is still told in a sentence; the machine's refusals exit 2.
  process.on('unhandledRejection', (err) => {
    process.stderr.write(isOsError(err) ? `无法完成：${describeOsError(err)}\n` : `jxaudit 内部错误：${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(isOsError(err) ? EXIT_USAGE : 70);
  });
  main().then((code) => {
    process.exitCode = code;
    // Interrupted: the process ends by itself once the stopped workers are gone (exiting while a thread is
    // being torn down can abort); a LibreOffice conversion still winding down gets a few seconds, no more.
    if (code === EXIT_INTERRUPTED) setTimeout(() => process.exit(code), 5000).unref();
  });
}
