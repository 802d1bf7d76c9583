import { cuizhuyuanV1 } from './cuizhuyuan-v1';
import type { ModelTemplate } from './model-template';

/** Templates communities can start from, by `key@version`. */
export const templates: Record<string, ModelTemplate> = {
  'cuizhuyuan@1': cuizhuyuanV1,
};

export const defaultTemplateId = 'cuizhuyuan@1';

export function templateId(template: ModelTemplate): string {
  return `${template.key}@${template.version}`;
}
