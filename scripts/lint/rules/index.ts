import type { Rule } from '../define-rule.ts';
import unmarkedAd from './ad-label/unmarked-ad.ts';
import absoluteTerms from './ad-law/absolute-terms.ts';
import regulatedClaims from './ad-law/regulated-claims.ts';
import unsourcedStatistics from './facts/unsourced-statistics.ts';
import images from './image/images.ts';
import unreadableImages from './image/unreadable.ts';
import links from './links/links.ts';
import cover from './meta/cover.ts';
import digest from './meta/digest.ts';
import nearDuplicate from './originality/near-duplicate.ts';
import fakeRedPacket from './platform/fake-red-packet.ts';
import inducedClicking from './platform/induced-clicking.ts';
import inducedFollowing from './platform/induced-following.ts';
import inducedSharing from './platform/induced-sharing.ts';
import sensationalHeadline from './platform/sensational-headline.ts';
import trafficDiversion from './platform/traffic-diversion.ts';
import voteCollecting from './platform/vote-collecting.ts';
import personalData from './privacy/personal-data.ts';
import sensitiveWords from './sensitive/words.ts';
import cjkLatinSpacing from './style/cjk-latin-spacing.ts';
import fullwidthPunctuation from './style/fullwidth-punctuation.ts';
import glossary from './style/glossary.ts';
import headingLevels from './style/heading-levels.ts';
import repeatedPunctuation from './style/repeated-punctuation.ts';
import spaceAroundFullwidth from './style/space-around-fullwidth.ts';

export const allRules: readonly Rule[] = [
  absoluteTerms,
  regulatedClaims,
  inducedSharing,
  inducedFollowing,
  inducedClicking,
  voteCollecting,
  fakeRedPacket,
  trafficDiversion,
  sensationalHeadline,
  sensitiveWords,
  unmarkedAd,
  unsourcedStatistics,
  personalData,
  cover,
  digest,
  links,
  images,
  unreadableImages,
  cjkLatinSpacing,
  fullwidthPunctuation,
  spaceAroundFullwidth,
  repeatedPunctuation,
  glossary,
  headingLevels,
  nearDuplicate,
];
