import { describe, expect, it } from 'vitest';
import { DEFAULT_COMMAND_NAMES, toServiceLine } from '../../../adapters/slack/command-names.js';
import { MENU_COMMANDS } from '../../../adapters/telegram/commands-menu.js';
import { COMMAND_SPECS } from '../../../src/service/commands/command-registry.js';
import { helpCommand } from '../../../src/service/commands/help-command.js';
import { changesChat, parseCommand } from '../../../src/service/commands/parse-command.js';
import { renderPlain } from '../../../src/service/reply/plain-renderer.js';

describe('the command registry is the one list every consumer reads', () => {
  it('each name and alias parses to its command', () => {
    for (const [name, spec] of COMMAND_SPECS) {
      expect(parseCommand(`/${name} x`).name).toBe(name);
      for (const alias of spec.aliases) expect(parseCommand(`${alias} x`).name).toBe(name);
    }
  });

  it('/help lists every command with a help line, the Telegram menu every one with a menu entry', () => {
    const help = renderPlain(helpCommand());
    for (const [name, spec] of COMMAND_SPECS) {
      if (spec.help) expect(help).toContain(`/${name} — ${spec.help.text}`);
      expect(MENU_COMMANDS.some((c) => c.command === name)).toBe(spec.menu !== undefined);
    }
    for (const c of MENU_COMMANDS) expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
  });

  it('admin-only commands: always, or only when they set something', () => {
    for (const [name, spec] of COMMAND_SPECS) {
      expect(changesChat({ name, rest: '' })).toBe(spec.changesChat === true);
      expect(changesChat({ name, rest: '繁' })).toBe(spec.changesChat !== undefined);
    }
  });

  it('Slack: an own slash command per `slack: own` command, the rest under /digest', () => {
    for (const [name, spec] of COMMAND_SPECS) {
      if (spec.slack === 'own') {
        expect(DEFAULT_COMMAND_NAMES).toHaveProperty(name);
        expect(toServiceLine(name as 'report', '资阳')).toBe(`/${name} 资阳`);
      } else expect(toServiceLine('digest', `${name} 资阳`)).toBe(`/${name} 资阳`);
    }
  });
});
