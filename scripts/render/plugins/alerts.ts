import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { rehypeGithubAlerts, type IAlert, type IOptions } from 'rehype-github-alerts';

const alerts: IAlert[] = [
  { keyword: 'NOTE', icon: '', title: '说明' },
  { keyword: 'TIP', icon: '', title: '提示' },
  { keyword: 'IMPORTANT', icon: '', title: '重要' },
  { keyword: 'WARNING', icon: '', title: '注意' },
  { keyword: 'CAUTION', icon: '', title: '警告' },
];

/** GitHub alerts (`> [!NOTE]`) as styled sections with Chinese titles; rehype-github-alerts does the parsing. */
export const alertsOptions: IOptions = {
  alerts,
  build: (alert, children): ElementContent => {
    const type = alert.keyword.toLowerCase();
    return h('section', { className: ['mp-alert', `mp-alert-${type}`] }, [
      h('p', { className: ['mp-alert-title', `mp-alert-${type}-title`] }, alert.title),
      ...children,
    ]);
  },
};

export { rehypeGithubAlerts };
