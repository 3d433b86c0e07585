// Prisma's error codes, named: https://www.prisma.io/docs/orm/reference/error-reference
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

