/**
 * Real PF4J plugin jars made at test time: {@link cn.jiaoyun.test.plugins.PluginJarBuilder}
 * compiles Java sources against the test's own classpath and writes the manifest, extension
 * index and resources a plugin carries (or a deliberately broken archive), and
 * {@link cn.jiaoyun.test.plugins.TestSigner} signs them with a throw-away key made by the JDK's
 * {@code keytool}. Only JDK APIs are used, so any module's tests may build plugins this way.
 */
package cn.jiaoyun.test.plugins;
