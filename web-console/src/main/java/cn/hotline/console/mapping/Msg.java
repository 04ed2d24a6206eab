package cn.hotline.console.mapping;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every Chinese text of the console in one bundle ({@code {msg:key}} in templates); code names stay English. */
@MessageBundle(value = "msg", locale = "zh-CN")
public interface Msg {

    // Layout and navigation
    @Message("湖州 12345 热线工作台") String app_title();
    @Message("坐席受理") String nav_intake();
    @Message("回访") String nav_followups();
    @Message("派单督办") String nav_board();
    @Message("驾驶舱") String nav_cockpit();
    @Message("我的任务") String nav_tasks();
    @Message("退出") String nav_logout();
    @Message("跳到主要内容") String skip_to_main();

    // Code values as the desks say them (an unknown value shows as it is)
    @Message("{#when channel}{#is 'PHONE'}电话{#is 'APP'}App{#is 'WEB'}网站{#is 'LETTER'}来信{#is 'VISIT'}来访{#is 'PROXY'}代办{#is POLICE_110}110转来{#is OPEN311}Open311{#else}{channel}{/when}")
    String channel(String channel);
    @Message("{#when kind}{#is 'CONSULT'}咨询{#is 'HELP'}求助{#is 'COMPLAINT'}投诉{#is 'REPORT'}举报{#is 'SUGGESTION'}建议{#is 'PETITION'}信访{#else}{kind}{/when}")
    String kind(String kind);
    @Message("{#when urgency}{#is 'URGENT'}紧急{#else}一般{/when}")
    String urgency(String urgency);
    @Message("{#when status}{#is 'ACCEPTED'}已受理{#is 'DISPATCHED'}已派单{#is 'IN_PROGRESS'}办理中{#is 'AWAITING_FOLLOWUP'}待回访{#is 'CLOSED'}已办结{#is 'MERGED'}已并单{#is 'TRANSFERRED_OUT'}已转110{#else}{status}{/when}")
    String status(String status);
    @Message("{#when state}{#is 'UNASSIGNED'}待派单{#is 'ASSIGNED'}待签收{#is 'SIGNED'}已签收{#is 'ARRIVED'}已到场{#is 'HANDLING'}处置中{#is 'RETURNED'}已退单{#is 'COMPLETED'}已办结{#is 'REASSIGNED'}已改派{#is 'CANCELLED'}已撤销{#else}{state}{/when}")
    String state(String state);
    @Message("{#when stage}{#is 'SIGN'}签收{#is 'ARRIVE'}到场{#is 'HANDLE'}处置{#is 'CLOSE'}办结{#is 'FORWARD'}转送{#is 'DECIDE'}受理告知{#is 'REVIEW'}复查{#is 'FIRST_REPLY'}首次答复{#is 'ACCEPT'}受理告知{#is 'NO_PROGRESS'}办理{#is 'QUEUE'}人工派单{#is 'RETURN_REVIEW'}退单审核{#is 'ASSIST_SIGN'}协办签收{#is 'ASSIST_REPORT'}协办反馈{#else}{stage}{/when}")
    String stage(String stage);
    @Message("{#when action}{#is 'sign'}签收{#is 'arrive'}到场{#is 'handle'}处置{#is 'complete'}办结{#is 'return'}退单{#is 'request-extension'}申请延期{#is 'escalate'}提级研判{#is 'assign'}派单{#is 'return-review'}退单审核{#is 'extension-decision'}延期审批{#is 'assign-leader'}领导包案{#is 'assist-sign'}协办签收{#is 'assist-report'}协办反馈{#is 'release-assist'}解除协办{#else}{action}{/when}")
    String action(String action);
    @Message("{#when flag}{#is 'TERRITORY_UNRESOLVED'}属地未识别{#is 'POSSIBLE_DUPLICATE'}疑似重复{#is 'REPEAT_COMPLAINANT'}重复来电人{#else}{flag}{/when}")
    String flag(String flag);
    @Message("{#when reason}{#is 'SAME_CALLER'}同一来电人{#is 'SAME_PLACE_AND_CATEGORY'}同地同类{#else}{reason}{/when}")
    String duplicate_reason(String reason);
    @Message("{#when code}{#is 'NOT_OUR_JURISDICTION'}非本单位事权{#is 'WRONG_TERRITORY'}非本属地{#is 'INSUFFICIENT_INFORMATION'}信息不全{#is 'DUPLICATE'}重复件{#is 'OTHER'}其他{#else}{code}{/when}")
    String return_reason(String code);
    @Message("{#when queue}{#is 'MANUAL'}人工派单{#else}自动派单{/when}")
    String queue(String queue);
    @Message("{#when status}{#is 'PENDING'}待反馈{#is 'REPORTED'}已反馈{#is 'RELEASED'}已解除{#else}{status}{/when}")
    String assist_status(String status);

    // Intake desk: the call form, caller history, the outlook before submitting and the receipt
    @Message("来电号码") String field_phone();
    @Message("来电人姓名") String field_name();
    @Message("身份证号（可选）") String field_id_number();
    @Message("渠道") String field_channel();
    @Message("诉求类型") String field_kind();
    @Message("紧急事件") String field_urgent();
    @Message("分类（输入中文搜索）") String field_category();
    @Message("事发地址") String field_address();
    @Message("诉求内容") String field_content();
    @Message("提交工单") String submit();
    @Message("新来电") String new_call();
    @Message("转110") String transfer_110();
    @Message("快捷键：Alt+N 新来电 · Alt+P 来电号码 · Alt+K 分类 · Ctrl+Enter 提交 · Alt+M 并入第一条疑似重复 · Alt+T 转110") String shortcuts();
    @Message("来电历史") String history();
    @Message("输入号码后显示该来电人的历史工单") String history_empty();
    @Message("该号码没有历史工单") String history_none();
    @Message("未办结") String open_tickets();
    @Message("提交前预判") String outlook();
    @Message("属地") String territory();
    @Message("主办单位") String lead_unit();
    @Message("协办单位") String assisting_units();
    @Message("疑似重复") String duplicates();
    @Message("并入此单") String merge_into();
    @Message("工单号（请向来电人复述）") String ticket_number_readout();
    @Message("已受理") String accepted();
    @Message("地图：点击设置事发位置") String map_hint();

    // Deadlines and countdowns
    @Message("剩余") String remaining();
    @Message("已超时") String overdue();
    @Message("无时限") String no_deadline();
    @Message("已挂起") String paused();
    @Message("截止") String deadline();

    // Dispatch board: filters, columns, queues and decisions
    @Message("全部") String all();
    @Message("筛选") String filter();
    @Message("只看超时") String only_overdue();
    @Message("实时") String live();
    @Message("连接中断，正在重连；倒计时仍按截止时间计算") String live_down();
    @Message("工单") String ticket();
    @Message("阶段") String stage_label();
    @Message("状态") String state_label();
    @Message("分类") String category();
    @Message("操作") String actions();
    @Message("区县") String county();
    @Message("乡镇街道") String town();
    @Message("单位编码") String unit();
    @Message("紧急程度") String urgency_label();
    @Message("人工派单队列") String manual_queue();
    @Message("退单待审") String returns_pending();
    @Message("延期待批") String extensions_pending();
    @Message("同意退单并改派") String accept_return();
    @Message("驳回退单") String reject_return();
    @Message("派给") String assign_to();
    @Message("批准延期") String approve_extension();
    @Message("不批准") String deny_extension();
    @Message("上一页") String prev_page();
    @Message("下一页") String next_page();
    @Message("第 {page} / {pages} 页，共 {total} 条") String page_of(int page, int pages, int total);

    // Ticket page
    @Message("受理轨迹") String trail();
    @Message("派单与处置") String dispatches();
    @Message("时限") String timers();
    @Message("短信记录") String sms();
    @Message("返回看板") String back_to_board();
}
