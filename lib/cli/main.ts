export async function main(argv: string[]): Promise<number> {
  console.log('join-doctor', argv.join(' '));
  return 0;
}
