package io.fenghuo.gateway.server;

import io.fenghuo.gateway.metrics.GatewayMetrics;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Limits connections: in total and per source IP address. A connection over a limit is closed at
 * once (counted), before any byte of it is read. Shared by every connection of the server.
 */
@ChannelHandler.Sharable
final class ConnectionGuard extends ChannelInboundHandlerAdapter {

  private final int maxConnections;
  private final int maxPerAddress;
  private final GatewayMetrics metrics;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress =
      new ConcurrentHashMap<>();

  ConnectionGuard(int maxConnections, int maxPerAddress, GatewayMetrics metrics) {
    this.maxConnections = maxConnections;
    this.maxPerAddress = maxPerAddress;
    this.metrics = metrics;
    metrics.gauge("fenghuo.gateway.connections", "Open UITD connections", open::get);
  }

  int open() {
    return open.get();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    InetAddress ip = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    int total = open.incrementAndGet();
    int fromIp = perAddress.computeIfAbsent(ip, k -> new AtomicInteger()).incrementAndGet();
    if (total > maxConnections) {
      metrics.limited("max_connections");
      ctx.close();
      return;
    }
    if (fromIp > maxPerAddress) {
      metrics.limited("max_connections_per_address");
      ctx.close();
      return;
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    open.decrementAndGet();
    InetAddress ip = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    perAddress.computeIfPresent(ip, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    ctx.fireChannelInactive();
  }
}
