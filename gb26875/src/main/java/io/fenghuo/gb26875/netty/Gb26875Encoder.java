package io.fenghuo.gb26875.netty;

import io.fenghuo.gb26875.Gb26875Codec;
import io.fenghuo.gb26875.Gb26875Frame;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.frame.FrameLayout;
import io.fenghuo.gb26875.frame.FrameWriter;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.util.Objects;

/**
 * The one encoder for both directions: {@link Gb26875Message} (under the profile of its
 * destination) and already-framed {@link Gb26875Frame} to bytes (GB/T 26875.3-2011 §6.6). A message
 * that cannot be encoded fails the write's promise with an {@link
 * io.netty.handler.codec.EncoderException} wrapping the {@link IllegalArgumentException}. Stateless
 * and {@link Sharable}.
 */
@Sharable
public final class Gb26875Encoder extends MessageToByteEncoder<Object> {

  private final ProfileSelector profiles;

  /** Strict standard profile for every peer. */
  public Gb26875Encoder() {
    this(ProfileSelector.standard());
  }

  /**
   * @param profiles chooses the profile by destination address; not null
   */
  public Gb26875Encoder(ProfileSelector profiles) {
    this.profiles = Objects.requireNonNull(profiles, "profiles");
  }

  @Override
  public boolean acceptOutboundMessage(Object msg) {
    return msg instanceof Gb26875Message || msg instanceof Gb26875Frame;
  }

  @Override
  protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Object msg, boolean preferDirect) {
    int size =
        msg instanceof Gb26875Frame f
            ? f.frameLength()
            : Math.min(256, FrameLayout.MAX_FRAME_LENGTH);
    return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Object msg, ByteBuf out) {
    if (msg instanceof Gb26875Message m) {
      Gb26875Codec.encode(m, profiles.profileFor(m.header().destination()), out);
    } else {
      Gb26875Frame f = (Gb26875Frame) msg;
      FrameWriter.write(f, profiles.profileFor(f.header().destination()).timeEncoding(), out);
    }
  }
}
