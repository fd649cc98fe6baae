package cn.jiaoyun.ui.component;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import elemental.json.JsonObject;

/**
 * An Apache ECharts chart, drawn in the browser by {@code echarts.min.js} from the
 * {@code org.webjars:echarts} jar (served from its {@code META-INF/resources}: no npm build, the
 * production bundle stays as it is). The server sends the whole ECharts option as JSON; the chart
 * is drawn as SVG, which also renders in a headless browser, and follows the element's size.
 */
public class EChart extends Div {

    /** Where the webjar's script is served, relative to the application's context. */
    public static final String SCRIPT = "context://webjars/echarts/5.5.0/echarts.min.js";

    private JsonObject option;

    public EChart(String id) {
        setId(id);
        addClassName("jy-chart");
        setWidthFull();
        setHeight("360px");
    }

    /** Shows {@code option} (an ECharts option object), replacing what was shown. */
    public void setOption(JsonObject option) {
        this.option = option;
        draw();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().addJavaScript(SCRIPT);
        draw();
    }

    private void draw() {
        if (option == null || !isAttached()) {
            return;
        }
        // the script arrives as a dependency of the same response; wait for it rather than assume the order
        getElement().executeJs("""
                const el = this;
                const option = $0;
                const draw = (tries) => {
                  if (!window.echarts) {
                    if (tries > 0) { setTimeout(() => draw(tries - 1), 50); }
                    return;
                  }
                  let chart = window.echarts.getInstanceByDom(el);
                  if (!chart) {
                    chart = window.echarts.init(el, null, {renderer: 'svg'});
                    new ResizeObserver(() => chart.resize()).observe(el);
                  }
                  chart.setOption(option, true);
                };
                draw(200);""", option);
    }
}
