import { type TemplatePackage, templatePackageSchema } from './package-schema';
import { templatePackagesJson } from './packages.generated';

let packages: Map<string, TemplatePackage> | undefined;

/** All bundled template packages by id (`key@version`), validated once per isolate. */
export function templatePackages(): Map<string, TemplatePackage> {
  if (!packages) {
    const raw = JSON.parse(templatePackagesJson) as unknown[];
    packages = new Map(raw.map((p) => templatePackageSchema.parse(p)).map((p) => [p.id, p]));
  }
  return packages;
}

export function findTemplate(id: string): TemplatePackage | undefined {
  return templatePackages().get(id);
}

/** The newest version of a template family, e.g. `cuizhuyuan`. */
export function latestTemplate(key: string): TemplatePackage | undefined {
  return [...templatePackages().values()].filter((p) => p.key === key).sort((a, b) => b.version - a.version)[0];
}
