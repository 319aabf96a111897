// The machine's problems (a full disk, a read-only or unwritable --out) said to the user
// as one Chinese sentence naming the path: they stop the run with exit status 2, never a
// stack and never "内部错误" — the user can fix them, the program cannot.

/** Stops the run with exit status 2: the environment, not a file and not our code. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

const REASONS: Record<string, string> = {
  ENOSPC: '磁盘空间已满',
  EDQUOT: '超出磁盘配额',
  EACCES: '没有权限',
  EPERM: '操作不被允许（权限不足）',
  EROFS: '所在的文件系统是只读的',
  ENOTDIR: '路径中有一段不是文件夹',
  EISDIR: '同名的文件夹已存在',
  EEXIST: '同名的文件已存在',
  ENOENT: '路径不存在（可能在运行中被删除）',
  EMFILE: '同时打开的文件过多',
  ENFILE: '系统打开的文件过多',
  EIO: '磁盘读写出错',
  ENAMETOOLONG: '路径过长',
  EBUSY: '文件正被占用',
  ELOOP: '符号链接循环',
  EXDEV: '跨文件系统无法移动',
};

/** True for an error the OS raised (it carries an errno code such as ENOSPC). */
export function isOsError(err: unknown): err is NodeJS.ErrnoException {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/** "磁盘空间已满（ENOSPC）：/data/out/summary.json" — reason, code, the path the OS named (or `path`). */
export function describeOsError(err: unknown, path?: string): string {
  const e = err as NodeJS.ErrnoException;
  const code = e?.code ?? '';
  const reason = REASONS[code] ?? e?.message ?? String(err);
  const where = e?.path ?? path;
  return `${reason}${code ? `（${code}）` : ''}${where ? `：${where}` : ''}`;
}
