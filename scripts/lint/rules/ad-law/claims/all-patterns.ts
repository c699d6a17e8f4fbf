import { appearancePatterns } from './appearance.ts';
import { cosmeticsPatterns } from './cosmetics.ts';
import { educationPatterns } from './education.ts';
import { financePatterns } from './finance.ts';
import { medicalPatterns } from './medical.ts';
import { minorsPatterns } from './minors.ts';
import { onlinePatterns } from './online.ts';
import type { ClaimPattern } from './pattern.ts';
import { realEstatePatterns } from './real-estate.ts';
import { statePatterns } from './state.ts';
import { superstitionPatterns } from './superstition.ts';

/** Every sentence pattern of ad-law/regulated-claims, by industry. */
export const claimPatterns: readonly ClaimPattern[] = [
  ...medicalPatterns,
  ...cosmeticsPatterns,
  ...appearancePatterns,
  ...educationPatterns,
  ...financePatterns,
  ...realEstatePatterns,
  ...statePatterns,
  ...superstitionPatterns,
  ...minorsPatterns,
  ...onlinePatterns,
];
