/**
 * The HTTP edge shared by every feature: errors as {@code application/problem+json} in the
 * caller's language (zh-CN unless the request asks for English), never a stack trace, and the
 * {@link cn.jiaoyun.core.web.Actor} argument that tells a controller who is calling.
 */
package cn.jiaoyun.core.web;
