import type { VitalAssessment } from './assess-vital.ts';
import type { VitalReading } from './parse-vitals.ts';

/** A FHIR R4 Observation (vital-signs profile shapes), as Hale stores and exports it. */
export interface FhirObservation {
  resourceType: 'Observation';
  status: 'final';
  category: Array<{ coding: Array<{ system: string; code: string; display: string }> }>;
  code: { coding: Array<{ system: string; code: string; display: string }>; text: string };
  subject: { reference: string };
  effectiveDateTime: string;
  valueQuantity?: Quantity;
  component?: Array<{ code: { coding: Array<{ system: string; code: string; display: string }> }; valueQuantity: Quantity }>;
  interpretation?: Array<{ coding: Array<{ system: string; code: string; display: string }> }>;
  note?: Array<{ text: string }>;
  method?: { text: string };
}

type Quantity = { value: number; unit: string; system: 'http://unitsofmeasure.org'; code: string };

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const UNIT_DISPLAY: Record<string, string> = { 'mg/dL': 'mg/dL', 'mmol/L': 'mmol/L', 'mm[Hg]': 'mmHg', kg: 'kg', '[lb_av]': 'lb', Cel: '°C', '[degF]': '°F', '/min': 'beats/minute', '%': '%' };

/** LOINC codes per kind (and unit, for glucose). */
export function loincFor(reading: VitalReading): { code: string; display: string } {
  switch (reading.kind) {
    case 'glucose':
      return reading.unit === 'mmol/L'
        ? { code: '15074-8', display: 'Glucose [Moles/volume] in Blood' }
        : { code: '2339-0', display: 'Glucose [Mass/volume] in Blood' };
    case 'blood_pressure':
      return { code: '85354-9', display: 'Blood pressure panel with all children optional' };
    case 'weight':
      return { code: '29463-7', display: 'Body weight' };
    case 'temperature':
      return { code: '8310-5', display: 'Body temperature' };
    case 'pulse':
      return { code: '8867-4', display: 'Heart rate' };
    case 'spo2':
      return { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' };
  }
}

export function toObservation(reading: VitalReading, input: { patientId: string; effectiveAt: Date; assessment: VitalAssessment; method: 'patient_message' | 'guided' }): FhirObservation {
  const loinc = loincFor(reading);
  const observation: FhirObservation = {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: reading.kind === 'glucose' ? 'laboratory' : 'vital-signs', display: reading.kind === 'glucose' ? 'Laboratory' : 'Vital Signs' }] }],
    code: { coding: [{ system: LOINC, ...loinc }], text: loinc.display },
    subject: { reference: `Patient/${input.patientId}` },
    effectiveDateTime: input.effectiveAt.toISOString(),
    method: { text: input.method === 'guided' ? 'Self-reported by the patient (guided)' : 'Self-reported by the patient by message' },
  };
  if (reading.kind === 'blood_pressure') {
    observation.component = [
      { code: { coding: [{ system: LOINC, code: '8480-6', display: 'Systolic blood pressure' }] }, valueQuantity: quantity(reading.systolic, 'mm[Hg]') },
      { code: { coding: [{ system: LOINC, code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: quantity(reading.diastolic, 'mm[Hg]') },
    ];
  } else {
    observation.valueQuantity = quantity(reading.value, reading.unit);
  }
  if (reading.kind === 'glucose' && reading.context !== undefined) observation.note = [{ text: `Timing: ${reading.context.replace('_', ' ')}` }];
  const interpretation = interpretationOf(input.assessment);
  if (interpretation !== undefined) observation.interpretation = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', ...interpretation }] }];
  return observation;
}

function interpretationOf(assessment: VitalAssessment): { code: string; display: string } | undefined {
  if (assessment.level === 'danger') return { code: 'AA', display: 'Critical abnormal' };
  if (assessment.level === 'out_of_range') return /below/.test(assessment.reason ?? '') ? { code: 'L', display: 'Low' } : { code: 'H', display: 'High' };
  return { code: 'N', display: 'Normal' };
}

function quantity(value: number, code: string): Quantity {
  return { value, unit: UNIT_DISPLAY[code] ?? code, system: UCUM, code };
}
