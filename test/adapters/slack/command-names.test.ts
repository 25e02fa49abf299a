import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMMAND_NAMES, resolveCommandNames, toServiceLine } from '../../../adapters/slack/command-names.js';
import { stripMention } from '../../../adapters/slack/mention.js';
import { ConfigError } from '../../../src/errors.js';

describe('slash command names', () => {
  it('defaults to /report /compare /trend /reportsearch /digest and takes overrides with or without the slash', () => {
    expect(resolveCommandNames()).toEqual(DEFAULT_COMMAND_NAMES);
    expect(resolveCommandNames({ report: 'zb-report', search: '/ZBSearch' })).toMatchObject({
      report: '/zb-report',
      search: '/zbsearch',
    });
  });

  it('matches the slash commands and scopes of the app manifest', () => {
    const manifest = readFileSync(new URL('../../../adapters/slack/manifest.yml', import.meta.url), 'utf8');
    const commands = [...manifest.matchAll(/^\s*- command: (\S+)/gm)].map((m) => m[1]);
    expect(commands.sort()).toEqual(Object.values(DEFAULT_COMMAND_NAMES).sort());
    for (const scope of ['commands', 'chat:write', 'app_mentions:read', 'files:write']) expect(manifest).toContain(`- ${scope}`);
    expect(manifest).toMatch(/socket_mode_enabled: true/);
    expect(manifest).toMatch(/- app_mention/);
  });

  it('refuses invalid or clashing names with a ConfigError', () => {
    expect(() => resolveCommandNames({ report: '/has space' })).toThrow(ConfigError);
    expect(() => resolveCommandNames({ trend: '/compare' })).toThrow(ConfigError);
  });

  it('maps Slack commands onto service command lines', () => {
    expect(toServiceLine('report', ' 资阳 2022 ')).toBe('/report 资阳 2022');
    expect(toServiceLine('search', '请你来协商')).toBe('/search 请你来协商');
    expect(toServiceLine('compare', '')).toBe('/compare');
    expect(toServiceLine('digest', 'subscribe 四川')).toBe('/subscribe 四川');
    expect(toServiceLine('digest', 'list')).toBe('/list');
    expect(toServiceLine('digest', '')).toBe('/help');
    expect(toServiceLine('digest', 'help')).toBe('/help');
    expect(toServiceLine('digest', '/lang 繁')).toBe('/lang 繁');
  });
});

describe('stripMention', () => {
  it('removes the bot mention (with or without a label) and decodes Slack entities', () => {
    expect(stripMention('<@UBOT1> report 资阳 2022', 'UBOT1')).toBe('report 资阳 2022');
    expect(stripMention('<@UBOT1|digest> search A &amp; B &lt;x&gt;', 'UBOT1')).toBe('search A & B <x>');
    expect(stripMention('hey <@UBOT1> list', 'UBOT1')).toBe('hey list');
    expect(stripMention('<@UOTHER> report 资阳')).toBe('report 资阳');
    expect(stripMention('<@UBOT1>', 'UBOT1')).toBe('/help');
  });
});
