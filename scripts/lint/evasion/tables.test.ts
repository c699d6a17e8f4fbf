import { describe, expect, it } from 'vitest';
import { primaryReadingTable, syllableInventory, targetReadingTable } from './readings.ts';
import { simplifiedPairs } from '../simplified.ts';
import { evasionTables, emojiWords, lookalikesOf } from './tables.ts';
import { targetsFromLists } from './targets.ts';
import { frequentChars } from './words.ts';

describe('evasion tables (tables.json)', () => {
  it('are up to date with the built-in word lists and pinyin-pro (else run npm run gen:evasion)', () => {
    expect(evasionTables().targets).toEqual(targetsFromLists());
    expect(evasionTables().syllables).toEqual(syllableInventory());
    const readings = primaryReadingTable();
    expect(evasionTables().readings).toEqual({ syllables: readings.syllables.split(' '), chars: readings.chars });
    expect(evasionTables().targetReadings).toEqual(targetReadingTable(targetsFromLists().map((t) => t.folded)));
    expect(evasionTables().simplified).toBe(simplifiedPairs());
    const frequent = frequentChars();
    expect([...evasionTables().frequentChars.function].join('')).toBe(frequent.function);
    expect([...evasionTables().frequentChars.common].join('')).toBe(frequent.common);
  });

  it('hold characters drawn alike and emoji read as words', () => {
    expect(lookalikesOf('治')).toContain('冶');
    expect(lookalikesOf('第')).toContain('笫');
    expect(lookalikesOf('压')).toContain('圧');
    expect(lookalikesOf('治')).not.toContain('她');
    // Built alike by the Unihan codes, though their strokes sit apart; common characters (住) and halves (灾 for 炎) are not.
    expect(lookalikesOf('注')).toEqual(expect.arrayContaining(['汪', '洼']));
    expect(lookalikesOf('佳')).toContain('隹');
    expect(lookalikesOf('炎')).not.toContain('灾');
    expect(emojiWords('🧧')).toContain('红包');
    expect(emojiWords('➕️')).toEqual(['加']);
  });
});
