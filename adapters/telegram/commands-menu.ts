import type { Api } from 'grammy';
import { COMMAND_SPECS } from '../../src/service/commands/command-registry.js';

/** The command menu shown by Telegram clients when typing `/` (the registry's commands with a menu entry). */
export const MENU_COMMANDS = COMMAND_SPECS.flatMap(([command, spec]) => (spec.menu ? [{ command, ...spec.menu }] : []));

/** Registers the menu: Chinese descriptions by default, English ones for clients set to English. */
export async function registerCommandMenu(api: Api): Promise<void> {
  await api.setMyCommands(MENU_COMMANDS.map((c) => ({ command: c.command, description: c.zh })));
  await api.setMyCommands(
    MENU_COMMANDS.map((c) => ({ command: c.command, description: c.en })),
    { language_code: 'en' },
  );
}
