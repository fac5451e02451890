package io.fenghuo.gb26875.netty;

import io.fenghuo.gb26875.frame.FrameStatistics;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.netty.channel.ChannelPipeline;

/**
 * Installs the codec in a pipeline, the same way on the centre and on a (simulated) UITD:
 *
 * <pre>{@code
 * bytes → frameDecoder → messageDecoder → your handler (Gb26875Message | FrameRejected)
 * bytes ← encoder ← your handler (Gb26875Message | Gb26875Frame)
 * }</pre>
 */
public final class Gb26875Pipeline {

  /** Handler names used by {@link #addCodec}. */
  public static final String FRAME_DECODER = "gb26875FrameDecoder";

  public static final String MESSAGE_DECODER = "gb26875MessageDecoder";
  public static final String ENCODER = "gb26875Encoder";

  private Gb26875Pipeline() {}

  /**
   * Adds frame decoder, message decoder and encoder at the end of {@code pipeline}.
   *
   * @param profiles chooses the peer's profile (source address inbound, destination outbound)
   * @param statistics counters to update; may be shared between channels
   */
  public static void addCodec(
      ChannelPipeline pipeline, ProfileSelector profiles, FrameStatistics statistics) {
    pipeline.addLast(FRAME_DECODER, new Gb26875FrameDecoder(statistics));
    pipeline.addLast(MESSAGE_DECODER, new Gb26875MessageDecoder(profiles, statistics));
    pipeline.addLast(ENCODER, new Gb26875Encoder(profiles));
  }
}
