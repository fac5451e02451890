package io.fenghuo.gb26875.adu;

/**
 * An ADU that does not match its type's layout (GB/T 26875.3-2011 §8.3): object count above the
 * type's n, count × object size not equal to what L leaves, a variable-length object running past
 * the end. The message decoder turns it into a deniable rejection; it never leaves the pipeline.
 *
 * <p>Carries no stack trace: it is an expected outcome of bad input, thrown and caught within one
 * decode call.
 */
public final class MalformedAduException extends Exception {

  public MalformedAduException(String message) {
    super(message, null, false, false);
  }
}
