import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { VaultBinding } from '../../application/ports/token-vault.port.js';
import { EnvelopeTokenVault } from './envelope-vault.value-object.js';
import { VaultError, VaultKeyRing } from './vault-key-ring.value-object.js';

const K1 = VaultKeyRing.generateEntry('k1');
const K2 = VaultKeyRing.generateEntry('k2');
const binding: VaultBinding = {
  tenantId: '0190a1b2-0000-7000-8000-000000000001',
  subject: 'channel',
  subjectId: '0190a1b2-0000-7000-8000-0000000000c1',
};
const SECRET = JSON.stringify({ accessToken: 'at-123', refreshToken: 'rt-456' });

function thrown(fn: () => unknown): Error | undefined {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}

describe('token vault (AES-256-GCM envelope encryption)', () => {
  const vault = new EnvelopeTokenVault(VaultKeyRing.parse(K1));

  it('seals and opens, with a fresh data key and IVs every time', () => {
    const a = vault.seal(SECRET, binding);
    const b = vault.seal(SECRET, binding);
    expect(vault.open(a, binding)).toBe(SECRET);
    expect(a.keyId).toBe('k1');
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
    expect(JSON.stringify(a)).not.toContain('at-123');
  });

  it('does not open for another agency, another subject id or another kind (the additional data binds them)', () => {
    const sealed = vault.seal(SECRET, binding);
    expect(
      thrown(() => vault.open(sealed, { ...binding, tenantId: '0190a1b2-0000-7000-8000-000000000002' })),
    ).toBeInstanceOf(VaultError);
    expect(
      thrown(() => vault.open(sealed, { ...binding, subjectId: '0190a1b2-0000-7000-8000-0000000000c2' })),
    ).toBeInstanceOf(VaultError);
    // A member's TOTP secret copied into a webhook row with the same id does not open there.
    const totp = vault.seal('JBSWY3DPEHPK3PXP', { ...binding, subject: 'totp' });
    expect(thrown(() => vault.open(totp, { ...binding, subject: 'notification-webhook' }))).toBeInstanceOf(
      VaultError,
    );
    expect(vault.open(totp, { ...binding, subject: 'totp' })).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a subject id that could be read as another binding', () => {
    expect(thrown(() => vault.seal(SECRET, { ...binding, subjectId: 'x|tenant=y' }))).toBeInstanceOf(
      VaultError,
    );
  });

  it('refuses a tampered ciphertext or wrapped key', () => {
    const sealed = vault.seal(SECRET, binding);
    const flip = (s: string) => {
      const raw = Buffer.from(s, 'base64url');
      raw[20]! ^= 1;
      return raw.toString('base64url');
    };
    expect(
      thrown(() => vault.open({ ...sealed, ciphertext: flip(sealed.ciphertext) }, binding))?.message,
    ).toContain('does not open');
    expect(
      thrown(() => vault.open({ ...sealed, wrappedKey: flip(sealed.wrappedKey) }, binding)),
    ).toBeInstanceOf(VaultError);
    // A data key moved to another secret of the same channel does not open it either.
    const other = vault.seal('other', binding);
    expect(thrown(() => vault.open({ ...sealed, wrappedKey: other.wrappedKey }, binding))).toBeInstanceOf(
      VaultError,
    );
  });

  it('really is AES-256-GCM under a data key wrapped by the master key', () => {
    const sealed = vault.seal(SECRET, binding);
    const master = Buffer.from(K1.split(':')[1]!, 'base64');
    const unwrap = (key: Buffer, encoded: string, aad: string) => {
      const raw = Buffer.from(encoded, 'base64url');
      const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
        .setAAD(Buffer.from(aad))
        .setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]);
    };
    const dataKey = unwrap(
      master,
      sealed.wrappedKey,
      // For channels, the bytes the vault used before it held other subjects: old ciphertexts still open.
      `chorus-vault:v1:key|key=k1|tenant=${binding.tenantId}|channel=${binding.subjectId}`,
    );
    expect(dataKey).toHaveLength(32);
    const plain = unwrap(
      dataKey,
      sealed.ciphertext,
      `chorus-vault:v1:data|tenant=${binding.tenantId}|channel=${binding.subjectId}`,
    );
    expect(plain.toString()).toBe(SECRET);
  });

  it('rotates the master key without downtime: old secrets open, re-wrap, then the old key can go', () => {
    const before = vault.seal(SECRET, binding);
    const rotating = new EnvelopeTokenVault(VaultKeyRing.parse(`${K2},${K1}`));
    expect(rotating.open(before, binding)).toBe(SECRET);
    expect(rotating.needsRewrap(before)).toBe(true);
    const after = rotating.rewrap(before, binding);
    expect(after.keyId).toBe('k2');
    expect(after.ciphertext).toBe(before.ciphertext); // only the data key is re-wrapped
    expect(rotating.needsRewrap(after)).toBe(false);
    const rotated = new EnvelopeTokenVault(VaultKeyRing.parse(K2));
    expect(rotated.open(after, binding)).toBe(SECRET);
    expect(thrown(() => rotated.open(before, binding))?.message).toContain(
      'master key "k1", which is not configured',
    );
  });

  it.each([
    ['', 'empty'],
    ['k1', 'not id:base64'],
    ['k1:c2hvcnQ=', '5 bytes'],
    [`${K1},${K1}`, 'twice'],
  ])('refuses the key list %j with a message that names the problem', (value, problem) => {
    const error = thrown(() => VaultKeyRing.parse(value));
    expect(error).toBeInstanceOf(VaultError);
    expect(error?.message).toContain('CHORUS_VAULT_MASTER_KEYS');
    expect(error?.message).toContain(problem);
    expect(error?.message).not.toContain(K1.split(':')[1]);
  });
});
