// A valid submission to start each test from; tests change one thing at a time.
export function validBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    submissionId: 'resp-0001',
    submittedAt: '2020-05-04T10:00:00+02:00',
    municipality: 'Ajuntament de Sant Cugat del Vallès',
    contactName: 'Núria Puig',
    contactRole: 'Tècnica de promoció econòmica',
    contactEmail: 'nuria.puig@example.cat',
    serviceType: 'mentoring',
    topic: 'Energia',
    need: 'Volem impulsar una comunitat energètica local.',
    expectedImpact: 'Vint llars i cinc cooperatives hi participarien.',
    transferability: 'El model d’ordenança es pot replicar.',
    alignment: 'Reforça l’economia social al territori.',
    priorityTheme: true,
    trackRecord: 'starting',
    modality: 'remote',
    commitments: { availability: true, shareLearning: true, provideInformation: true },
    ...overrides,
  };
}
