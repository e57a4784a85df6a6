// Where the register lives when no --register or CONVENANT_REGISTER names a file: the user's own
// data folder, so it stays on the school's machine and out of any project folder.
import { join } from 'node:path';

export const REGISTER_FILE = 'register.sqlite';

export function defaultRegisterPath(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA || env.APPDATA || join(home, 'AppData', 'Local'), 'convenant', REGISTER_FILE);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'convenant', REGISTER_FILE);
  // XDG Base Directory: a relative XDG_DATA_HOME is invalid and ignored.
  const xdg = env.XDG_DATA_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), 'convenant', REGISTER_FILE);
}
