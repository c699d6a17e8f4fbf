// The evasion stage: disguised spellings of the high-risk terms (homophones, look-alikes, pinyin, initials, emoji)
// found and written plainly in the normalised text every compliance rule reads.
export { restore, type Disguise } from './restore.ts';
export { disguiseNote } from './note.ts';
export type { Piece, PieceKind } from './find.ts';
