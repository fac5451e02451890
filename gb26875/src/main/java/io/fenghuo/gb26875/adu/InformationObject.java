package io.fenghuo.gb26875.adu;

/**
 * One information object (信息对象) of an ADU: an information body (信息体, GB/T 26875.3-2011 §8.2.1)
 * plus, for the types whose figure shows one, its time label. One record per body layout; several
 * downstream types share a layout (e.g. {@link SystemQuery} serves 61, 65, 66 and 68).
 */
public sealed interface InformationObject
    permits SystemStatus,
        ComponentStatus,
        AnalogValue,
        FacilityOperation,
        FacilitySoftwareVersion,
        SystemConfiguration,
        ComponentConfiguration,
        FacilitySystemTime,
        UitdStatus,
        UitdOperation,
        UitdSoftwareVersion,
        UitdConfiguration,
        UitdSystemTime,
        SystemQuery,
        ComponentQuery,
        FacilityOperationQuery,
        UitdOperationQuery,
        UitdRequest,
        ClockSync,
        DutyCheck {}
