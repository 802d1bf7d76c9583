/** The shape of a versioned template of the model; each version lives in its own module. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface TemplateProgram {
  key: string;
  name: Bilingual;
  description: Bilingual;
}

export interface TemplateParty {
  key: 'residents-committee' | 'owners-committee' | 'property-company' | 'association';
  title: Bilingual;
  remit: Bilingual;
}

export interface TemplateBody {
  key: 'joint-meeting' | 'professional-committees' | 'building-groups' | 'federation';
  level: number;
  name: Bilingual;
  description: Bilingual;
  decisionRule: 'unanimity' | 'majority' | null;
  cadence: 'monthly' | null;
  /** Parties that sit on this body from the start. */
  parties: TemplateParty['key'][];
}

export interface TemplateCanvasSection {
  key: string;
  section: 'system' | 'module';
  title: Bilingual;
}

export interface ModelTemplate {
  key: string;
  version: number;
  name: Bilingual;
  programs: TemplateProgram[];
  parties: TemplateParty[];
  bodies: TemplateBody[];
  canvas: TemplateCanvasSection[];
  /** Contacts each building needs (the model asks for at least two). */
  contactsPerBuilding: number;
}
