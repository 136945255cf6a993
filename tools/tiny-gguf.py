#!/usr/bin/env python3
"""Generate a tiny llama-architecture GGUF model for smoke-testing llama.cpp builds.

The model is meaningless: its weights are deterministic pseudo-random numbers
(numpy's PCG64 seeded with --seed), so the same seed always gives the same file
and the same greedy output. It exists to check that a llama.cpp inside a module
(e.g. the aos-llama module under `ao`, reading the file through WeaveDrive at
/data/ID) can load a GGUF, tokenize a prompt and generate tokens, without a
multi-gigabyte download.

Layout (GGUF v3, general.architecture = "llama"):
  * vocabulary (SentencePiece/"llama" tokenizer): <unk>=0, <s>=1 (bos), </s>=2 (eos),
    the 256 byte-fallback tokens <0x00>..<0xFF>, the printable ASCII characters,
    "\u2581" (the SPM space) and every prefix of a few words (" Hello", " world", ...)
    so that SPM bigram merging can build them; 422 tokens in all;
  * hyper-parameters: embedding 64, 2 layers, 4 heads (4 KV heads), feed-forward 128,
    context 128, RMS-norm epsilon 1e-5 (all adjustable with options);
  * tensors named as llama.cpp expects: token_embd.weight, blk.N.attn_norm.weight,
    blk.N.attn_{q,k,v,output}.weight, blk.N.ffn_norm.weight,
    blk.N.ffn_{gate,up,down}.weight, output_norm.weight, output.weight;
    matrices in f32 (default), f16 or q8_0, norms always f32.
  * output.weight rows of the special tokens and of non-printable bytes are zero, so
    greedy decoding (almost surely) picks printable tokens and never stops early.

f32 output is 556 KB, f16 284 KB, q8_0 157 KB (with the default sizes).

Usage: python3 tools/tiny-gguf.py OUT.gguf [--seed N] [--type f32|f16|q8_0]
Needs the PyPI packages `gguf` and `numpy` (pip install gguf).
"""

import argparse
import sys

try:
    import gguf
    import numpy as np
except ImportError:  # a hint instead of a traceback
    sys.exit("tiny-gguf.py needs the `gguf` and `numpy` packages: pip install gguf numpy")

SPACE = "\u2581"  # SentencePiece's word-boundary marker
WORDS = ["Hello", "world", "the", "a", "is", "and", "llama", "ao", "Arweave", "compute"]

TOKEN_NORMAL = gguf.TokenType.NORMAL
TOKEN_UNKNOWN = gguf.TokenType.UNKNOWN
TOKEN_CONTROL = gguf.TokenType.CONTROL
TOKEN_BYTE = gguf.TokenType.BYTE


def vocabulary():
    """Tokens, scores and types of a small SPM vocabulary; also the ids whose output row is zeroed."""
    tokens, scores, types, silent = [], [], [], []

    def add(text, score, kind, quiet=False):
        if text in tokens:
            return
        if quiet:
            silent.append(len(tokens))
        tokens.append(text)
        scores.append(score)
        types.append(kind)

    add("<unk>", 0.0, TOKEN_UNKNOWN, quiet=True)
    add("<s>", 0.0, TOKEN_CONTROL, quiet=True)
    add("</s>", 0.0, TOKEN_CONTROL, quiet=True)
    for b in range(256):
        add(f"<0x{b:02X}>", 0.0, TOKEN_BYTE, quiet=not 0x20 <= b < 0x7F)
    # Single characters, then every prefix of each word (with and without the SPM space),
    # longer pieces scoring higher so that merges build whole words.
    add(SPACE, -1.0, TOKEN_NORMAL)
    for c in map(chr, range(0x21, 0x7F)):
        add(c, -1.0, TOKEN_NORMAL)
    for word in WORDS:
        for piece in (SPACE + word, word):
            for end in range(2, len(piece) + 1):
                add(piece[:end], float(end), TOKEN_NORMAL)
    return tokens, scores, types, silent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="the GGUF file to write")
    parser.add_argument("--seed", type=int, default=0, help="seed of the pseudo-random weights (default 0)")
    parser.add_argument("--type", choices=["f32", "f16", "q8_0"], default="f32", help="matrix type (default f32)")
    parser.add_argument("--embd", type=int, default=64, help="embedding length (default 64)")
    parser.add_argument("--layers", type=int, default=2, help="block count (default 2)")
    parser.add_argument("--heads", type=int, default=4, help="attention heads (default 4)")
    parser.add_argument("--ff", type=int, default=128, help="feed-forward length (default 128)")
    parser.add_argument("--ctx", type=int, default=128, help="training context length (default 128)")
    args = parser.parse_args()

    n_embd, n_head, n_ff = args.embd, args.heads, args.ff
    if n_embd % n_head:
        parser.error("--embd must be a multiple of --heads")
    if args.type == "q8_0" and (n_embd % 32 or n_ff % 32):
        parser.error("q8_0 needs --embd and --ff to be multiples of 32")

    tokens, scores, types, silent = vocabulary()
    n_vocab = len(tokens)
    rng = np.random.default_rng(args.seed)

    writer = gguf.GGUFWriter(args.out, "llama")
    writer.add_name(f"tiny-llama-seed{args.seed}")
    writer.add_context_length(args.ctx)
    writer.add_embedding_length(n_embd)
    writer.add_block_count(args.layers)
    writer.add_feed_forward_length(n_ff)
    writer.add_head_count(n_head)
    writer.add_head_count_kv(n_head)
    writer.add_rope_dimension_count(n_embd // n_head)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_rope_freq_base(10000.0)
    writer.add_file_type({"f32": 0, "f16": 1, "q8_0": 7}[args.type])  # LLAMA_FTYPE_*
    writer.add_tokenizer_model("llama")
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_unk_token_id(0)
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(2)
    writer.add_add_bos_token(True)
    writer.add_add_eos_token(False)

    def matrix(name, rows, cols, zero_rows=()):
        # numpy shape (rows, cols) is ggml's {cols, rows}: cols is the input dimension.
        data = rng.standard_normal((rows, cols), dtype=np.float32) / np.float32(np.sqrt(cols))
        data[list(zero_rows)] = 0.0
        if args.type == "f32":
            writer.add_tensor(name, data)
        elif args.type == "f16":
            writer.add_tensor(name, data.astype(np.float16))
        else:
            qtype = gguf.GGMLQuantizationType.Q8_0
            writer.add_tensor(name, gguf.quants.quantize(data, qtype), raw_dtype=qtype)

    def norm(name):
        writer.add_tensor(name, np.ones(n_embd, dtype=np.float32))

    matrix("token_embd.weight", n_vocab, n_embd)
    for i in range(args.layers):
        norm(f"blk.{i}.attn_norm.weight")
        matrix(f"blk.{i}.attn_q.weight", n_embd, n_embd)
        matrix(f"blk.{i}.attn_k.weight", n_embd, n_embd)
        matrix(f"blk.{i}.attn_v.weight", n_embd, n_embd)
        matrix(f"blk.{i}.attn_output.weight", n_embd, n_embd)
        norm(f"blk.{i}.ffn_norm.weight")
        matrix(f"blk.{i}.ffn_gate.weight", n_ff, n_embd)
        matrix(f"blk.{i}.ffn_up.weight", n_ff, n_embd)
        matrix(f"blk.{i}.ffn_down.weight", n_embd, n_ff)
    norm("output_norm.weight")
    matrix("output.weight", n_vocab, n_embd, zero_rows=silent)

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    print(f"{args.out}: {n_vocab} tokens, {args.layers} layers, embd {n_embd}, {args.type}, seed {args.seed}")


if __name__ == "__main__":
    main()
