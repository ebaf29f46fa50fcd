/** Numbers as Chinese counting numerals (the inverse of parse.ts cnNumber): list numbers, heading ordinals. */
const CN_DIGITS = "零一二三四五六七八九";
/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (lists rarely pass 99). */
export function chineseCounting(n: number): string {
  if (n <= 0 || !Number.isInteger(n)) return String(n);
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ""}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ""}`;
  const h = Math.floor(n / 100);
  const rest = n % 100;
  return `${CN_DIGITS[h % 10]}百${rest === 0 ? "" : rest < 10 ? `零${CN_DIGITS[rest]}` : rest < 20 ? `一${chineseCounting(rest)}` : chineseCounting(rest)}`;
}
