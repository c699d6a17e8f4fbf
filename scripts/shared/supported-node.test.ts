import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const at = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

interface LockedPackage {
  engines?: { node?: string };
}

function lockedPackages(): Array<[string, LockedPackage]> {
  const lock: unknown = JSON.parse(at('package-lock.json'));
  if (!lock || typeof lock !== 'object' || !('packages' in lock) || !lock.packages || typeof lock.packages !== 'object') throw new Error('package-lock.json 没有 packages');
  return Object.entries(lock.packages).map(([path, value]: [string, unknown]) => {
    const engines = value && typeof value === 'object' && 'engines' in value ? value.engines : undefined;
    const node = engines && typeof engines === 'object' && 'node' in engines && typeof engines.node === 'string' ? engines.node : undefined;
    return [path, { engines: node ? { node } : undefined }];
  });
}

describe('one supported Node', () => {
  const manifest: unknown = JSON.parse(at('package.json'));
  const engines = String(manifest && typeof manifest === 'object' && 'engines' in manifest && manifest.engines && typeof manifest.engines === 'object' && 'node' in manifest.engines ? manifest.engines.node : '');
  const oldest = semver.minVersion(engines)!.version;
  const nvmrc = at('.nvmrc').trim();

  it('package.json engines, .nvmrc and the README name the same Node', () => {
    expect(engines).toBe('>=20.19');
    // `.nvmrc` names the release line (nvm and setup-node take its newest), the one CI runs on.
    expect(nvmrc).toBe(String(semver.major(oldest)));
    expect(semver.satisfies(process.version, engines)).toBe(true);
    expect(at('README.md')).toContain(`Node.js ${semver.major(oldest)}.${semver.minor(oldest)} or newer`);
  });

  it('every installed package accepts the oldest supported Node, so npm ci prints no EBADENGINE', () => {
    const refusing = lockedPackages()
      .filter(([path, p]) => path !== '' && p.engines?.node && !semver.satisfies(oldest, p.engines.node))
      .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')} wants node ${p.engines?.node}`);
    expect(refusing).toEqual([]);
  });
});
