/**
 * The coordinator records a meeting in one go: date, place, agenda, bodies present, minutes (a
 * document uploaded first), and its decisions, each with the actions it gives to a body by a date.
 */
import { type FormEvent, useState } from 'react';
import type { DocumentMeta, MeetingDetail } from '../../../server/control-room/schemas.ts';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { CheckboxGroup, SelectField, TextArea, TextField } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { FormActions } from '../../forms/FormActions.tsx';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { fmt, useI18n } from '../../i18n/index.tsx';

interface Body {
  id: string;
  name: string;
}
interface ActionDraft {
  title: string;
  owner: string;
  dueOn: string;
}
interface DecisionDraft {
  text: string;
  actions: ActionDraft[];
}

interface Props {
  protocolId: string;
  bodies: Body[];
  minutes: DocumentMeta[];
  groups: Body[];
  onSaved: (m: MeetingDetail) => void;
}

export function MeetingForm({ protocolId, bodies, minutes, groups, onSaved }: Props) {
  const { t } = useI18n();
  const c = t.controlRoom;
  const [heldOn, setHeldOn] = useState('');
  const [place, setPlace] = useState('');
  const [agenda, setAgenda] = useState('');
  const [present, setPresent] = useState<string[]>([]);
  const [minutesId, setMinutesId] = useState('');
  const [group, setGroup] = useState('');
  const [decisions, setDecisions] = useState<DecisionDraft[]>([]);
  const [saved, setSaved] = useState(false);
  const form = useVersionedForm();

  const setDecision = (i: number, d: DecisionDraft) => setDecisions(decisions.map((x, j) => (j === i ? d : x)));
  const setAction = (i: number, k: number, a: ActionDraft) =>
    setDecision(i, {
      ...(decisions[i] as DecisionDraft),
      actions: (decisions[i] as DecisionDraft).actions.map((x, j) => (j === k ? a : x)),
    });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const problems = [
      ...(heldOn ? [] : [{ field: 'meeting-date', message: t.fieldReasons.required }]),
      ...decisions.flatMap((d, i) => [
        ...(d.text.trim()
          ? []
          : [{ field: `decision-${i}`, message: `${fmt(c.decisionN, { n: i + 1 })}: ${t.fieldReasons.required}` }]),
        ...d.actions.flatMap((a, k) =>
          a.title.trim() && a.owner && a.dueOn
            ? []
            : [
                {
                  field: `action-${i}-${k}-title`,
                  message: `${fmt(c.actionN, { n: k + 1, d: i + 1 })}: ${t.fieldReasons.required}`,
                },
              ],
        ),
      ]),
    ];
    if (!form.check(problems)) return;
    const res = await form.submit(() =>
      api.post('/control-room/:protocolId/meetings', {
        params: { protocolId },
        body: {
          heldOn,
          place: place.trim() || null,
          workingGroupId: group || null,
          agenda: agenda
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
          attendance: present,
          minutesDocumentId: minutesId || null,
          decisions: decisions.map((d) => ({
            text: d.text.trim(),
            actions: d.actions.map((a) => ({ title: a.title.trim(), ownerOrganisationId: a.owner, dueOn: a.dueOn })),
          })),
        },
      }),
    );
    if (!res.ok) return;
    setHeldOn('');
    setPlace('');
    setAgenda('');
    setPresent([]);
    setMinutesId('');
    setGroup('');
    setDecisions([]);
    setSaved(true);
    onSaved(res.value);
  }

  const bodyOptions = [{ value: '', label: c.chooseBody }, ...bodies.map((b) => ({ value: b.id, label: b.name }))];
  return (
    <form noValidate onSubmit={submit} className="meeting-form">
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      {saved ? <Notice kind="success">{c.meetingSaved}</Notice> : null}
      <TextField
        id="meeting-date"
        type="date"
        label={c.heldOn}
        value={heldOn}
        onValueChange={setHeldOn}
        required
        error={form.err('meeting-date')}
      />
      <TextField id="meeting-place" label={c.place} value={place} onValueChange={setPlace} maxLength={200} />
      {groups.length ? (
        <SelectField
          id="meeting-group"
          label={c.body}
          value={group}
          onValueChange={setGroup}
          options={[{ value: '', label: c.plenary }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
        />
      ) : null}
      <TextArea
        id="meeting-agenda"
        label={c.agenda}
        hint={c.agendaHint}
        value={agenda}
        onValueChange={setAgenda}
        rows={4}
        className="field-wide"
      />
      <CheckboxGroup
        id="meeting-present"
        legend={c.attendanceLegend}
        options={bodies.map((b) => ({ value: b.id, label: b.name }))}
        selected={present}
        onChange={setPresent}
      />
      <SelectField
        id="meeting-minutes"
        label={c.minutesDoc}
        value={minutesId}
        onValueChange={setMinutesId}
        options={[{ value: '', label: c.noDocument }, ...minutes.map((d) => ({ value: d.id, label: d.title }))]}
      />
      <h4 className="h5 block-gap">{c.decisions}</h4>
      {decisions.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: drafts have no id until saved
        <fieldset key={i} className="decision-draft border rounded p-3 mb-3">
          <legend className="h6">{fmt(c.decisionN, { n: i + 1 })}</legend>
          <TextArea
            id={`decision-${i}`}
            label={c.decisionText}
            value={d.text}
            onValueChange={(v) => setDecision(i, { ...d, text: v })}
            rows={2}
            maxLength={1000}
            className="field-wide"
          />
          {d.actions.map((a, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: drafts have no id until saved
            <fieldset key={k} className="action-draft ms-3 mb-2">
              <legend className="h6">{fmt(c.actionN, { n: k + 1, d: i + 1 })}</legend>
              <TextField
                id={`action-${i}-${k}-title`}
                label={c.actionTitle}
                value={a.title}
                onValueChange={(v) => setAction(i, k, { ...a, title: v })}
                maxLength={300}
              />
              <SelectField
                id={`action-${i}-${k}-owner`}
                label={c.owner}
                value={a.owner}
                onValueChange={(v) => setAction(i, k, { ...a, owner: v })}
                options={bodyOptions}
              />
              <TextField
                id={`action-${i}-${k}-due`}
                type="date"
                label={c.dueOn}
                value={a.dueOn}
                onValueChange={(v) => setAction(i, k, { ...a, dueOn: v })}
              />
              <button
                type="button"
                className="btn btn-link btn-sm"
                onClick={() => setDecision(i, { ...d, actions: d.actions.filter((_, j) => j !== k) })}
              >
                {c.removeAction}
              </button>
            </fieldset>
          ))}
          <div className="d-flex gap-2 flex-wrap">
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => setDecision(i, { ...d, actions: [...d.actions, { title: '', owner: '', dueOn: '' }] })}
            >
              {fmt(c.addAction, { n: i + 1 })}
            </button>
            <button
              type="button"
              className="btn btn-link btn-sm"
              onClick={() => setDecisions(decisions.filter((_, j) => j !== i))}
            >
              {fmt(c.removeDecision, { n: i + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() => setDecisions([...decisions, { text: '', actions: [] }])}
        >
          {c.addDecision}
        </button>
      </p>
      <FormActions busy={form.busy} submitLabel={c.saveMeeting} />
    </form>
  );
}
