import { benchMetrics } from '../bench/metrics-bench.ts';
console.log(await benchMetrics(Number(process.argv[2]), Number(process.argv[3]), (t) => console.error(t)));
