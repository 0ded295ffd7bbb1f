/**
 * The protocol's test vector (docs/runner-protocol.md), computed independently with
 * `openssl dgst -sha256 -hmac`: the server side must reproduce exactly these values.
 */
export const VECTOR = {
  secret: "nova-test-secret-0123456789abcdef0123456789",
  repository: "Octo-Org/DGX-Plan",
  key: "f9b2cb44b9f1de0d0670f820d411c274a0032ad263d75731944287340b52c32c",
  timestamp: 1767225600,
  body: '{"schema":"nova.gpu-report/v1","id":"4f9c7a8e-2b1d-4c3e-9f5a-6b7c8d9e0f1a"}',
  signature: "0740e1619c2fce3aadd2f7523b0506d6e815d5fa514701d83eb330b0eed0f035",
};
