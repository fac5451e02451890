package io.fenghuo.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.frame.FrameStatistics;
import io.fenghuo.gb26875.netty.Gb26875Pipeline;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI end to end: a short run against a confirming centre writes a clean report. */
class SimulatorCommandIT {

  @TempDir Path dir;

  @Test
  void shortRunWithAScenarioConfirmsEverythingAndWritesTheReport() throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel server = confirmingCentre(group);
      int port = ((InetSocketAddress) server.localAddress()).getPort();
      Path scenario = dir.resolve("drill.txt");
      Files.writeString(
          scenario,
          """
          at 200ms device #1 loop 1 point 3 fire
          at 600ms device #1 reset
          """);
      Path report = dir.resolve("report.json");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl = SimulatorCommand.commandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));

      int status =
          cl.execute(
              "-c",
              "127.0.0.1:" + port,
              "-n",
              "5",
              "-d",
              "1500ms",
              "--heartbeat-interval",
              "300ms",
              "--report-interval",
              "500ms",
              "-s",
              scenario.toString(),
              "-r",
              report.toString(),
              "--drain",
              "3s");

      assertThat(status).as(err.toString()).isZero();
      assertThat(out.toString()).contains("\"phase\":\"progress\"").contains("\"phase\":\"final\"");
      assertThat(err.toString()).contains("uploads:").contains("0 failed");
      String json = Files.readString(report);
      assertThat(json)
          .contains("\"phase\":\"final\"")
          .contains("\"fire\":{\"sent\":1,\"confirmed\":1");
    } finally {
      group.shutdownGracefully().syncUninterruptibly();
    }
  }

  private static Channel confirmingCentre(EventLoopGroup group) {
    return new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                Gb26875Pipeline.addCodec(
                    ch.pipeline(), ProfileSelector.standard(), new FrameStatistics());
                ch.pipeline()
                    .addLast(
                        new SimpleChannelInboundHandler<Object>() {
                          @Override
                          protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
                            if (msg instanceof Gb26875Message m
                                && m.command() == Command.SEND_DATA) {
                              ctx.writeAndFlush(
                                  Gb26875Message.confirm(
                                      m.header(),
                                      io.fenghuo.gb26875.TimeLabel.of(
                                          LocalDateTime.now(ZoneId.of("Asia/Shanghai")))));
                            }
                          }
                        });
              }
            })
        .bind("127.0.0.1", 0)
        .syncUninterruptibly()
        .channel();
  }
}
