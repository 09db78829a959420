import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../../shared/codes/notifications.ts';
import { bodyTemplate, PLACEHOLDERS, renderEmail, subjectOf } from './templates.ts';

describe('e-mail templates', () => {
  it('use no placeholder other than the public URL', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const text = `${subjectOf(kind)}\n${bodyTemplate(kind)}`;
      const placeholders = new Set(text.match(/\{[^}]*\}|\$\{|%[sd]|\{\{/g) ?? []);
      for (const p of placeholders) expect(PLACEHOLDERS as readonly string[], `${kind}: ${p}`).toContain(p);
      expect(subjectOf(kind), kind).not.toMatch(/[{}]/);
    }
  });

  it('render in Italian and English, link to the notifications page and leave nothing unfilled', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const { subject, text } = renderEmail(kind, 'https://percorsi.example/');
      expect(subject).toMatch(/^Percorsi: .+ \/ .+$/);
      expect(text).toContain('Accedi a https://percorsi.example e apri la pagina Notifiche');
      expect(text).toContain('Sign in at https://percorsi.example and open the Notifications page');
      expect(text).toContain('https://percorsi.example/notifiche');
      expect(text).not.toMatch(/[{}]/);
    }
    expect(renderEmail('referral_received', 'https://p.example').subject).toBe(
      'Percorsi: hai un nuovo invio / You have a new referral',
    );
  });

  it('say something different for each kind', () => {
    const subjects = new Set(NOTIFICATION_KINDS.map(subjectOf));
    expect(subjects.size).toBe(NOTIFICATION_KINDS.length);
  });
});
