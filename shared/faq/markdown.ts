// The learning of one or more calls as Markdown, to paste in a newsletter, the website or
// an email to members.
import { caFaq as t } from '../i18n/ca-faq';
import type { CallLearning } from './gather';

export function learningMarkdown(calls: readonly CallLearning[]): string {
  if (!calls.length) return t.nothing;
  const lines = [`# ${t.title}`];
  for (const { call, themes } of calls) {
    lines.push('', `## ${t.call(call.title)}`, '', t.intro(call.title));
    for (const theme of themes) {
      lines.push('', `### ${theme.theme}`);
      if (theme.faq.length) {
        lines.push('', `**${t.faq}**`, '');
        for (const f of theme.faq) lines.push(`- **${f.question}**`, `  ${f.answer || t.noAnswer}`);
      }
      if (theme.practices.length) lines.push('', `**${t.practices}**`, '', ...theme.practices.map((p) => `- ${p}`));
    }
  }
  return lines.join('\n');
}
