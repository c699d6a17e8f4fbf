import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetNames, datasets, frameRows, loadSnapshots } from './index.ts';
import { readDataset, snapshotDir } from './snapshot-store.ts';
import { metricsHarness, type MetricsHarness } from './metrics.test-helper.ts';

const schema: { $defs: Record<string, { properties: Record<string, { type: string[] }>; 'x-key': string[] }> } = JSON.parse(readFileSync(new URL('../../schemas/metrics.schema.json', import.meta.url), 'utf8'));

let h: MetricsHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('schemas/metrics.schema.json', () => {
  it('describes each dataset with the columns, order, types and key the files have', () => {
    expect(Object.keys(schema.$defs)).toEqual(datasetNames);
    for (const name of datasetNames) {
      const def = schema.$defs[name]!;
      expect(Object.keys(def.properties), name).toEqual(datasets[name].columns.map((column) => column.name));
      expect(datasets[name].columns.map((column) => def.properties[column.name]!.type[0]), name).toEqual(datasets[name].columns.map((column) => (column.type === 'int' ? 'integer' : 'string')));
      expect(def['x-key'], name).toEqual(datasets[name].key);
    }
  });

  it('holds for every row a pull writes', async () => {
    h = await metricsHarness();
    await h.pull();
    const ajv = new Ajv2020({ strict: true });
    ajv.addVocabulary(['x-file', 'x-key']);
    ajv.addSchema(schema);
    const loaded = (await loadSnapshots(h.root)).get('shanye')!;
    for (const name of datasetNames) {
      const validate = ajv.getSchema(`https://mpdesk.dev/schemas/metrics.schema.json#/$defs/${name}`)!;
      const rows = frameRows(loaded[name], datasets[name].columns);
      expect(rows.length, name).toBeGreaterThan(0);
      // Loading column by column reads what merging row by row reads.
      expect(rows, name).toEqual(await readDataset(snapshotDir(h.root, 'shanye'), datasets[name], 'reports/shanye/metrics'));
      for (const row of rows) expect(validate(row), `${name} ${JSON.stringify(row)} ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});
