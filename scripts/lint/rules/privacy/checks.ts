/** GB 11643: the 18th character of a resident ID number is a checksum over the first 17. */
export function validResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  const check = '10X98765432'[sum % 11];
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  return check === id[17]!.toUpperCase() && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Luhn, which bank card numbers (UnionPay included) satisfy. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
