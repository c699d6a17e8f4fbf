import type { Piece } from './find.ts';
import type { Disguise } from './restore.ts';

function pieceText(piece: Piece): string {
  switch (piece.kind) {
    case 'homophone':
      return `“${piece.written}”谐音“${piece.stands}”`;
    case 'lookalike':
      return `“${piece.written}”形近“${piece.stands}”`;
    case 'pinyin':
      return `拼音“${piece.written}”代“${piece.stands}”`;
    case 'initials':
      return `首字母“${piece.written}”代“${piece.stands}”`;
    case 'emoji':
      return `“${piece.written}”代“${piece.stands}”`;
  }
}

/** What a message adds about a disguised term: which term, and how each part of it was altered. */
export function disguiseNote(disguise: Disguise): string {
  return `（“${disguise.term}”的变体写法：${disguise.pieces.map(pieceText).join('，')}）`;
}
