package io.marquee.demo;

import java.util.List;

/** Public HLS test streams that stand in for real content. */
final class DemoStreams {

    static final List<String> URLS = List.of(
            "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8",
            "https://devstreaming-cdn.apple.com/videos/streaming/examples/img_bipbop_adv_example_ts/master.m3u8",
            "https://demo.unified-streaming.com/k8s/features/stable/video/tears-of-steel/tears-of-steel.ism/.m3u8",
            "https://bitdash-a.akamaihd.net/content/sintel/hls/playlist.m3u8",
            "https://cph-p2p-msl.akamaized.net/hls/live/2000341/test/master.m3u8");

    private DemoStreams() {}

    static String url(int index) {
        return URLS.get(Math.floorMod(index, URLS.size()));
    }
}
