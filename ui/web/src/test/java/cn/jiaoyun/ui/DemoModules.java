package cn.jiaoyun.ui;

import cn.jiaoyun.test.plugins.PluginJarBuilder;

/**
 * Real plugin jars for the browser tests, compiled at test time against the test's class path
 * (plugin API and Vaadin): a working module with a page, a menu entry, a card and a static
 * resource, and modules that break in one place each.
 */
final class DemoModules {

    private DemoModules() {
    }

    /** {@code demo-board}: a page naming the member's bureau, a menu entry and a home card. */
    static PluginJarBuilder board(String version) {
        return PluginJarBuilder.plugin("demo-board", version)
                .requires(">=0.1.0")
                .javaSource("demo.board.BoardModule", """
                        package demo.board;

                        import cn.jiaoyun.plugin.api.*;
                        import org.pf4j.Extension;
                        import java.util.List;

                        @Extension
                        public class BoardModule implements JiaoyunModule {
                            @Override
                            public List<ViewContribution> views() {
                                return List.of(ViewContribution.page("overview", BoardView.class, "示范看板", "Demo board", "DASHBOARD"));
                            }

                            @Override
                            public List<DashboardCard> dashboardCards() {
                                return List.of(new DashboardCard("lanes", "示范车道", "Demo lanes",
                                        bureau -> new DashboardCard.Value("18 条", "（" + bureau.name() + "）", "(" + bureau.code() + ")", "overview")));
                            }
                        }
                        """)
                .javaSource("demo.board.BoardView", """
                        package demo.board;

                        import cn.jiaoyun.plugin.api.ModuleViewContext;
                        import com.vaadin.flow.component.html.Div;
                        import com.vaadin.flow.component.html.H2;
                        import com.vaadin.flow.component.html.Span;

                        public class BoardView extends Div {
                            public BoardView(ModuleViewContext context) {
                                H2 title = new H2(context.bureau().name());
                                title.setId("demo-module-title");
                                Span user = new Span(context.text("当前用户：", "Signed in: ") + context.user().displayName()
                                        + " · " + context.module().moduleId() + " " + context.module().version());
                                user.setId("demo-module-user");
                                add(title, new Div(user));
                            }
                        }
                        """)
                .extension("demo.board.BoardModule")
                .resource("META-INF/resources/demo-board/board.css", ".demo-board { color: teal; }\n");
    }

    /** {@code broken-view}: its page's constructor throws. */
    static PluginJarBuilder brokenView() {
        return PluginJarBuilder.plugin("broken-view", "1.0.0")
                .requires(">=0.1.0")
                .javaSource("demo.broken.BrokenModule", """
                        package demo.broken;

                        import cn.jiaoyun.plugin.api.*;
                        import org.pf4j.Extension;
                        import java.util.List;

                        @Extension
                        public class BrokenModule implements JiaoyunModule {
                            @Override
                            public List<ViewContribution> views() {
                                return List.of(ViewContribution.page("page", BrokenView.class, "坏页面", "Broken page", null));
                            }
                        }
                        """)
                .javaSource("demo.broken.BrokenView", """
                        package demo.broken;

                        import cn.jiaoyun.plugin.api.ModuleViewContext;
                        import com.vaadin.flow.component.html.Div;

                        public class BrokenView extends Div {
                            public BrokenView(ModuleViewContext context) {
                                throw new IllegalStateException("示范：页面构造失败");
                            }
                        }
                        """)
                .extension("demo.broken.BrokenModule");
    }

    /** {@code fragile}: a page whose button's listener throws. */
    static PluginJarBuilder fragile() {
        return PluginJarBuilder.plugin("fragile", "1.0.0")
                .requires(">=0.1.0")
                .javaSource("demo.fragile.FragileModule", """
                        package demo.fragile;

                        import cn.jiaoyun.plugin.api.*;
                        import org.pf4j.Extension;
                        import java.util.List;

                        @Extension
                        public class FragileModule implements JiaoyunModule {
                            @Override
                            public List<ViewContribution> views() {
                                return List.of(ViewContribution.page("page", FragileView.class, "易碎页面", "Fragile page", "BOMB"));
                            }
                        }
                        """)
                .javaSource("demo.fragile.FragileView", """
                        package demo.fragile;

                        import com.vaadin.flow.component.button.Button;
                        import com.vaadin.flow.component.html.Div;
                        import com.vaadin.flow.component.html.H2;

                        public class FragileView extends Div {
                            public FragileView() {
                                H2 title = new H2("易碎页面");
                                title.setId("fragile-title");
                                Button boom = new Button("点我", e -> explode());
                                boom.setId("demo-boom");
                                add(title, boom);
                            }

                            private void explode() {
                                throw new IllegalArgumentException("示范：按钮处理失败");
                            }
                        }
                        """)
                .extension("demo.fragile.FragileModule");
    }

    /** {@code bad-card}: a home card that throws. */
    static PluginJarBuilder badCard() {
        return PluginJarBuilder.plugin("bad-card", "1.0.0")
                .requires(">=0.1.0")
                .javaSource("demo.card.CardModule", """
                        package demo.card;

                        import cn.jiaoyun.plugin.api.*;
                        import org.pf4j.Extension;
                        import java.util.List;

                        @Extension
                        public class CardModule implements JiaoyunModule {
                            @Override
                            public List<DashboardCard> dashboardCards() {
                                return List.of(new DashboardCard("figure", "坏卡片", "Broken card", bureau -> {
                                    throw new IllegalStateException("示范：卡片计算失败");
                                }));
                            }
                        }
                        """)
                .extension("demo.card.CardModule");
    }
}
