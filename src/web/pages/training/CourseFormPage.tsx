/** /formazione/nuovo: a network or training coordinator records a course (issue 8). */
import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { TRAINING_AUDIENCES, type TrainingAudience } from '../../../shared/codes/training.ts';
import { ApiError, api } from '../../api.ts';
import { CheckboxGroup, SelectField, TextArea, TextField } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';

export function CourseFormPage() {
  const { t } = useI18n();
  const k = t.training;
  const navigate = useNavigate();
  const networks = useApi('/networks');
  const organisations = useApi('/organisations', { query: {} });
  const [networkId, setNetworkId] = useState('');
  const [runningBodyId, setRunningBodyId] = useState('');
  const [title, setTitle] = useState('');
  const [audiences, setAudiences] = useState<TrainingAudience[]>([]);
  const [hours, setHours] = useState('');
  const [topics, setTopics] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api.post('/training/courses', {
        body: {
          networkId,
          runningBodyId,
          title,
          audiences,
          hours: Number(hours),
          topics: topics
            .split('\n')
            .map((x) => x.trim())
            .filter(Boolean),
        },
      });
      navigate(`/formazione/corsi/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.fields.map((f) => f.field).join(', ') || err.message : t.common.error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageTitle title={k.newCourse} />
      {error ? <Notice kind="danger">{`${t.common.error} ${error}`}</Notice> : null}
      <form onSubmit={submit} noValidate>
        <TextField id="course-title" label={k.titleField} value={title} onValueChange={setTitle} maxLength={200} />
        <SelectField
          id="course-network"
          label={k.network}
          value={networkId}
          onValueChange={setNetworkId}
          options={[
            { value: '', label: k.choose },
            ...(networks.data?.items ?? []).map((n) => ({ value: n.id, label: n.name })),
          ]}
        />
        <SelectField
          id="course-body"
          label={k.runningBody}
          value={runningBodyId}
          onValueChange={setRunningBodyId}
          options={[
            { value: '', label: k.choose },
            ...(organisations.data?.items ?? [])
              .filter((o) => o.type !== 'shelter_operator')
              .map((o) => ({ value: o.id, label: o.town ? `${o.name} (${o.town})` : o.name })),
          ]}
        />
        <CheckboxGroup
          id="course-audiences"
          legend={k.audiences}
          options={TRAINING_AUDIENCES.map((a) => ({ value: a, label: k.audienceLabels[a] }))}
          selected={audiences}
          onChange={(v) => setAudiences(v as TrainingAudience[])}
        />
        <TextField
          id="course-hours"
          label={k.hours}
          type="number"
          min={0.5}
          max={500}
          step={0.5}
          value={hours}
          onValueChange={setHours}
        />
        <TextArea
          id="course-topics"
          label={k.topics}
          hint={k.topicsHint}
          value={topics}
          onValueChange={setTopics}
          rows={3}
        />
        <Button color="primary" type="submit" disabled={busy}>
          {k.create}
        </Button>
      </form>
    </>
  );
}
