// The machine-written columns of the request tab, in their default order. Rows are
// built as header → value, and the adapter places each value under its header wherever
// the Commission has moved it; columns it does not know are left to people.
import { ca } from '../i18n/ca';
import type { ClassifiedRequest } from '../domain/classify';
import { localStamp } from '../domain/dates';
import { TOPIC_OTHER } from '../domain/form';

export type CellValue = string | number | boolean;

const f = ca.fields;

export const REQUEST_COLUMNS = {
  id: 'ID',
  reference: 'Referència',
  receivedAt: 'Rebuda',
  submittedAt: f.submittedAt.label,
  call: 'Convocatòria',
  municipality: f.municipality.label,
  typedName: 'Nom indicat',
  contactName: f.contactName.label,
  contactRole: f.contactRole.label,
  contactEmail: f.contactEmail.label,
  contactPhone: f.contactPhone.label,
  serviceType: 'Tipus de suport demanat',
  topic: f.topic.label,
  need: f.need.label,
  expectedImpact: f.expectedImpact.label,
  transferability: f.transferability.label,
  alignment: f.alignment.label,
  priorityTheme: 'Temàtica prioritària',
  priorityThemeDetail: f.priorityThemeDetail.label,
  trackRecord: f.trackRecord.label,
  modality: f.modality.label,
  involvement: f.involvement.label,
  preferredDates: f.preferredDates.label,
  commitments: 'Compromisos acceptats',
  member: 'Membre',
  recentMember: 'Membre recent',
  late: 'Fora de termini',
  repeated: 'Repetida a la convocatòria',
  early: 'Abans d’obertura',
  noCall: 'Sense convocatòria oberta',
} as const;

export type RequestColumn = keyof typeof REQUEST_COLUMNS;
export const MACHINE_HEADERS: readonly string[] = Object.values(REQUEST_COLUMNS);

/** The columns intake reads back to classify: idempotency, references, repeats. */
export const INDEX_COLUMNS = ['id', 'reference', 'call', 'municipality', 'member', 'late', 'repeated', 'early', 'noCall'] as const satisfies readonly RequestColumn[];

export function requestRow(r: ClassifiedRequest, receivedAt: Date): Record<string, CellValue> {
  const s = r.submission;
  const topic = s.topic === TOPIC_OTHER ? `${ca.choices.topicOther}: ${s.topicOther ?? ''}` : s.topic;
  const values: Record<RequestColumn, CellValue> = {
    id: s.submissionId,
    reference: r.reference,
    receivedAt: localStamp(receivedAt),
    submittedAt: localStamp(new Date(s.submittedAt)),
    call: r.call.id,
    municipality: r.member?.name ?? s.municipality,
    typedName: s.municipality,
    contactName: s.contactName,
    contactRole: s.contactRole,
    contactEmail: s.contactEmail,
    contactPhone: s.contactPhone ?? '',
    serviceType: ca.choices.serviceType[s.serviceType],
    topic,
    need: s.need,
    expectedImpact: s.expectedImpact,
    transferability: s.transferability,
    alignment: s.alignment,
    priorityTheme: s.priorityTheme,
    priorityThemeDetail: s.priorityThemeDetail ?? '',
    trackRecord: ca.choices.trackRecord[s.trackRecord],
    modality: ca.choices.modality[s.modality],
    involvement: s.involvement ?? '',
    preferredDates: s.preferredDates ?? '',
    commitments: true,
    member: !r.flags.includes('non_member'),
    recentMember: r.recentMember,
    late: r.flags.includes('late'),
    repeated: r.flags.includes('repeated_in_call'),
    early: r.flags.includes('early'),
    noCall: r.flags.includes('no_call'),
  };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [REQUEST_COLUMNS[k as RequestColumn], v]));
}
