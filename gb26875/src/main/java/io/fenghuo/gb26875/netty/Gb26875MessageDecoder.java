package io.fenghuo.gb26875.netty;

import io.fenghuo.gb26875.Gb26875Codec;
import io.fenghuo.gb26875.Gb26875Frame;
import io.fenghuo.gb26875.frame.FrameRejected;
import io.fenghuo.gb26875.frame.FrameStatistics;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import java.util.Objects;

/**
 * Frame → {@link io.fenghuo.gb26875.Gb26875Message} under the profile of the frame's source (GB/T
 * 26875.3-2011 §7–8). A malformed ADU becomes a deniable {@link FrameRejected}; rejections from the
 * framing decoder pass through untouched. Stateless and {@link Sharable}.
 */
@Sharable
public final class Gb26875MessageDecoder extends MessageToMessageDecoder<Gb26875Frame> {

  private final ProfileSelector profiles;
  private final FrameStatistics statistics;

  /** Strict standard profile for every peer; rejections are not counted. */
  public Gb26875MessageDecoder() {
    this(ProfileSelector.standard(), new FrameStatistics());
  }

  /**
   * @param profiles chooses the profile by source address; not null
   * @param statistics counts malformed ADUs; not null (pass the framing decoder's to get one view)
   */
  public Gb26875MessageDecoder(ProfileSelector profiles, FrameStatistics statistics) {
    super(Gb26875Frame.class);
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.statistics = Objects.requireNonNull(statistics, "statistics");
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, Gb26875Frame frame, List<Object> out) {
    Object decoded =
        Gb26875Codec.decodeOrReject(frame, profiles.profileFor(frame.header().source()));
    if (decoded instanceof FrameRejected rejected) {
      statistics.rejected(rejected.defect(), rejected.length());
    }
    out.add(decoded);
  }
}
